# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Property-based tests of option validation, through the whole module: every value outside the API's
constraints fails before any request is sent, and every value inside is accepted (the module goes on
to talk to the server)."""

from __future__ import annotations

import re
import string
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ansible_collections.infisical.secret_rotation.plugins.module_utils._options import parse_duration
from ansible_collections.infisical.secret_rotation.plugins.module_utils._types import DBT_PERMISSION_SETS as PERMISSION_SETS
from ansible_collections.infisical.secret_rotation.plugins.modules import dbt_token_rotate, dbt_token_rotation

from ..module_utils.test_client import ACCESS_TOKEN
from ...conftest import ScriptedServer, run_module
from .test_dbt_token_rotation import answer, api_rotation

ROTATION_ID = "85b61342-a604-4e28-b81e-e32a498f1ed4"
SLUG = string.ascii_lowercase + string.digits + "-"
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def shared_server():
    scripted = ScriptedServer()
    yield scripted
    scripted.stop()


def run(server, main, **options):
    """Run a module with options; True when it got as far as the server (the options were accepted)."""
    server.requests.clear()
    server.replies[:] = [answer(api_rotation())] * 2
    args = dict({"url": server.url, "auth_method": "token_auth", "token": ACCESS_TOKEN, "rotation_id": ROTATION_ID}, **options)
    result = run_module(main, dict(args, _ansible_check_mode=True))
    if result.get("failed") and not server.requests:
        return False
    assert server.requests, result
    return True


def accepted(server, **options):
    return run(server, dbt_token_rotation.main, **options)


# No NUL: AnsibleModule itself refuses it (syslog logging of the arguments), before any code of ours runs.
CHARACTERS = st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="\x00")
texts = st.text(alphabet=CHARACTERS, max_size=300)


def js_space(char):
    """What JavaScript's trim removes (Infisical's zod schemas trim so), from the ECMAScript definition."""
    return unicodedata.category(char) == "Zs" or char in "\t\n\v\f\r\u2028\u2029\ufeff"


def js_trim(text):
    start, end = 0, len(text)
    while start < end and js_space(text[start]):
        start += 1
    while end > start and js_space(text[end - 1]):
        end -= 1
    return text[start:end]


def js_length(text):
    """JavaScript's length: UTF-16 code units."""
    return sum(2 if ord(char) > 0xFFFF else 1 for char in text)


# White space of both kinds: what JavaScript trims and what only Python's str.strip would.
SPACES = st.text(alphabet=st.sampled_from(" \t\n\r\x0b\x0c\xa0\u1680\u2003\u2028\u3000\ufeff\x1c\x1f\x85"), max_size=4)


def padded(min_size=0, max_size=300):
    """Text of any characters (emoji included) with white space of both kinds around it."""
    return st.tuples(SPACES, st.text(alphabet=CHARACTERS, min_size=min_size, max_size=max_size), SPACES).map("".join)


# Infisical's slug check is slugify(value) === value: lowercase letters and digits in runs joined by single hyphens.
slugs = st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True).filter(lambda value: len(value) <= 64)


@PROPERTY
@given(slugs)
def test_names_inside_the_slug_rule_are_accepted(shared_server, name):
    assert accepted(shared_server, name=name)


@PROPERTY
@given(st.one_of(texts, st.text(alphabet=SLUG, max_size=70)).filter(
    lambda value: not (len(value) <= 64 and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value))))
def test_names_outside_the_slug_rule_are_rejected(shared_server, name):
    assert not accepted(shared_server, name=name)


@PROPERTY
@given(st.uuids().map(str))
def test_uuids_are_accepted(shared_server, connection_id):
    assert accepted(shared_server, connection_id=connection_id)


@PROPERTY
@given(texts.filter(lambda value: not UUID.fullmatch(value)))
def test_anything_else_is_not_a_uuid(shared_server, connection_id):
    assert not accepted(shared_server, connection_id=connection_id)


@PROPERTY
@given(st.integers(min_value=1, max_value=36500))
def test_intervals_from_a_day_to_a_century_are_accepted(shared_server, days):
    assert accepted(shared_server, rotation_interval=days)


@PROPERTY
@given(st.one_of(st.integers(max_value=0), st.integers(min_value=36501)))
def test_intervals_below_a_day_or_above_a_century_are_rejected(shared_server, days):
    assert not accepted(shared_server, rotation_interval=days)


@PROPERTY
@given(st.integers(0, 23), st.integers(0, 59))
def test_times_of_day_are_accepted(shared_server, hours, minutes):
    assert accepted(shared_server, rotate_at_utc={"hours": hours, "minutes": minutes})


@PROPERTY
@given(st.one_of(st.tuples(st.integers().filter(lambda hour: not 0 <= hour <= 23), st.integers(0, 59)),
                 st.tuples(st.integers(0, 23), st.integers().filter(lambda minute: not 0 <= minute <= 59))))
def test_impossible_times_are_rejected(shared_server, time_of_day):
    hours, minutes = time_of_day
    assert not accepted(shared_server, rotate_at_utc={"hours": hours, "minutes": minutes})


@PROPERTY
@given(padded(min_size=230, max_size=290))
def test_descriptions_are_accepted_exactly_when_infisical_accepts_them(shared_server, description):
    assert accepted(shared_server, description=description) == (js_length(js_trim(description)) <= 256)


@PROPERTY
@given(st.one_of(padded(max_size=3), padded(min_size=240, max_size=290)))
def test_token_names_are_accepted_exactly_when_infisical_accepts_them(shared_server, token_name):
    inside = 1 <= js_length(js_trim(token_name)) <= 255
    assert accepted(shared_server, parameters={"token_name": token_name}) == inside


@PROPERTY
@given(st.text(alphabet=CHARACTERS, min_size=1, max_size=120).filter(js_trim),
       st.lists(st.tuples(st.sampled_from(PERMISSION_SETS), st.one_of(st.none(), st.integers(1, 10 ** 9))), min_size=1, max_size=5))
def test_parameters_inside_the_spec_are_accepted(shared_server, token_name, grants):
    permission_grants = [dict(permission_set=permission_set, **({} if project is None else {"project_id": project}))
                         for permission_set, project in grants]
    assert accepted(shared_server, parameters={"token_name": token_name, "permission_grants": permission_grants})


@PROPERTY
@given(st.one_of(
    st.fixed_dictionaries({"token_name": st.just("")}),
    st.fixed_dictionaries({"token_name": st.text(alphabet=SLUG, min_size=256, max_size=300)}),
    st.fixed_dictionaries({"permission_grants": st.just([])}),
    st.fixed_dictionaries({"permission_grants": st.lists(st.fixed_dictionaries(
        {"permission_set": st.text(alphabet=CHARACTERS, max_size=30).filter(lambda value: value not in PERMISSION_SETS)}), min_size=1, max_size=3)}),
    st.fixed_dictionaries({"permission_grants": st.lists(st.fixed_dictionaries(
        {"permission_set": st.sampled_from(PERMISSION_SETS), "project_id": st.integers(max_value=0)}), min_size=1, max_size=3)}),
))
def test_parameters_outside_the_spec_are_rejected(shared_server, parameters):
    assert not accepted(shared_server, parameters=parameters)


@PROPERTY
@given(st.one_of(padded(max_size=4), padded(max_size=40)))
def test_secret_names_are_accepted_exactly_when_infisical_accepts_them(shared_server, service_token):
    inside = js_trim(service_token) != "" and not set(service_token) & {":", "/"}
    assert accepted(shared_server, secrets_mapping={"service_token": service_token}) == inside


durations = st.lists(st.tuples(st.integers(0, 10 ** 4), st.sampled_from("smhdw")), min_size=1, max_size=4)


@PROPERTY
@given(st.one_of(st.integers(0, 10 ** 8).map(str), durations.map(lambda parts: "".join(f"{count}{unit}" for count, unit in parts))))
def test_durations_are_accepted(shared_server, within):
    assert parse_duration(within) is not None
    assert run(shared_server, dbt_token_rotate.main, skip_if_rotated_within=within)


@PROPERTY
@given(texts.filter(lambda value: not re.fullmatch(r"\s*(\d+|(\d+\s*[smhdwSMHDW]\s*)+)\s*", value)))
def test_anything_else_is_not_a_duration(shared_server, within):
    assert not run(shared_server, dbt_token_rotate.main, skip_if_rotated_within=within)
