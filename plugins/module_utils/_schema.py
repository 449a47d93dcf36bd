# -*- coding: utf-8 -*-
# Copyright: (c) 2026, infisical.secret_rotation contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE to the infisical.secret_rotation collection: no stable interface, may change in any release.

"""A value against a field spec of the type registry (``_types``): check it, bring it to the form
Infisical stores, and translate it between option spelling (snake_case) and API spelling.

A field spec is data: ``{"type": "string", "trim": True, "min": 1, "max": 255}``, ``{"type": "object",
"fields": {...}}``, ``{"type": "array", "items": {...}, "set": True}``... (see ``_types``). Keys of a
fixed object are option names (``option``, else the snake_case of the API key); the keys of a
free-form map (``values``) are the user's own and never converted.
"""

from __future__ import annotations

import ipaddress
import json
import math
import re

# What JavaScript's String.prototype.trim removes (Infisical's zod schemas trim with it), unlike str.strip:
# no U+001C-U+001F or U+0085, but U+FEFF.
_API_WHITESPACE = "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
                  "\u2028\u2029\u202f\u205f\u3000\ufeff"
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# The largest integer a JSON number keeps exactly in Infisical (JavaScript's Number.MAX_SAFE_INTEGER).
MAX_SAFE_INTEGER = 2 ** 53 - 1
_TEMPLATE_EXPRESSION = re.compile(r"{{\s*([^{}]*?)\s*}}")


def api_trim(text):
    """The string as Infisical stores it: trimmed the JavaScript way."""
    return text.strip(_API_WHITESPACE)


def api_length(text):
    """The length Infisical's limits count: UTF-16 code units, as JavaScript does (an emoji counts 2)."""
    return len(text.encode("utf-16-le")) // 2


_CAPITAL = re.compile(r"(?<=[a-z0-9])([A-Z])")
# id(spec) -> (spec, its option names): the registry's specs never change, and a fleet converts thousands of rotations.
_OPTION_NAMES = {}


def snake(api_key):
    """``rotationInterval`` -> ``rotation_interval``; ``username1`` stays."""
    return _CAPITAL.sub(r"_\1", api_key).lower()


def option_names(spec):
    """{option name: API key} of a fixed object's fields (do not change the dict it returns)."""
    cached = _OPTION_NAMES.get(id(spec))
    if cached is None or cached[0] is not spec:
        cached = _OPTION_NAMES[id(spec)] = (spec, {field.get("option") or snake(key): key
                                                   for key, field in spec.get("fields", {}).items()})
    return cached[1]


def shown(value):
    """A value for a message; a huge number is described, not printed (it may not even convert to text)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SAFE_INTEGER:
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _limits(spec, what):
    low, high = spec.get("min"), spec.get("max")
    if low is not None and high is not None:
        return f"must be {low}-{high} {what}" if what else f"must be {low} to {high}"
    if low is not None:
        return f"must be at least {low} {what}".rstrip()
    return f"must be at most {high} {what}".rstrip()


def _outside(spec, number):
    return (spec.get("min") is not None and number < spec["min"]) or (spec.get("max") is not None and number > spec["max"])


def _string_rule(spec, value):
    if not isinstance(value, str):
        return "must be a string"
    text = api_trim(value) if spec.get("trim") or spec.get("secret_name") else value
    if spec.get("secret_name") and (text == "" or re.search(r"[:/]", text)):
        return "must be a secret name, not empty and without ':' or '/'"
    if _outside(spec, api_length(text)):
        return spec.get("rule") or _limits(spec, "characters")
    if spec.get("enum") is not None and text not in spec["enum"]:
        return f"must be one of: {', '.join(map(str, spec['enum']))}"
    patterns = ([{"pattern": spec["pattern"], "message": spec.get("pattern_message")}] if spec.get("pattern") else [])
    for pattern in patterns + spec.get("patterns", []):
        if not re.fullmatch(pattern["pattern"], text):
            return pattern.get("message") or f"must match {pattern['pattern']}"
    if spec.get("not_one_of") and _folded(text, spec) in [_folded(word, spec) for word in spec["not_one_of"]]:
        return f"must not be one of: {', '.join(spec['not_one_of'])}"
    if spec.get("uuid") and not UUID.fullmatch(text):
        return "must be a UUID"
    if spec.get("email") and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text):
        return "must be an email address"
    if spec.get("url") and not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s/]+", text):
        return "must be a URL such as https://host"
    if spec.get("format") == "ip_or_cidr" and not _ip_or_cidr(text):
        return "must be an IP address or a CIDR block"
    if spec.get("template"):
        return _template_rule(spec["template"], text)
    if spec.get("json_object") and text:
        return _json_object_rule(spec["json_object"], text)
    return None


def _folded(text, spec):
    return text.lower() if spec.get("ignore_case") else text


def _ip_or_cidr(text):
    try:
        ipaddress.ip_network(text, strict=False) if "/" in text else ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _json_object_rule(rules, text):
    """A string holding a JSON object, with at most ``max_keys`` keys and none of ``forbidden_keys``."""
    try:
        value = json.loads(text)
    except ValueError:
        return "must be valid JSON"
    if not isinstance(value, dict):
        return "must be a JSON object"
    if len(value) > rules.get("max_keys", len(value)):
        return f"must hold at most {rules['max_keys']} keys"
    forbidden = sorted(key for key in value if key in rules.get("forbidden_keys", ()))
    return f"must not set {', '.join(forbidden)} (Infisical manages or refuses them)" if forbidden else None


def _template_rule(template, text):
    used = _TEMPLATE_EXPRESSION.findall(text)
    unknown = sorted({name for name in used if name not in template.get("allowed", ())})
    if unknown:
        return f"uses {', '.join('{{%s}}' % name for name in unknown)}; allowed: " \
               f"{', '.join('{{%s}}' % name for name in template['allowed'])}"
    missing = [part for part in template.get("must_include", ()) if part not in text]
    return f"must include {' and '.join(missing)}" if missing else None


def _number_rule(spec, value):
    if not _is_number(value):
        return "must be a number" + (", not a boolean" if isinstance(value, bool) else "")
    if abs(value) > MAX_SAFE_INTEGER:
        return f"is out of range (at most {MAX_SAFE_INTEGER})"
    if spec["type"] == "integer" and not float(value).is_integer():
        return "must be a whole number"
    if spec.get("enum") is not None and value not in spec["enum"]:
        return f"must be one of: {', '.join(map(str, spec['enum']))}"
    if spec.get("exclusive_min") and spec.get("min") is not None and value <= spec["min"]:
        return f"must be more than {spec['min']}"
    if _outside(spec, value):
        return spec.get("rule") or _limits(spec, "")
    return None


def check(spec, value, where, complete=True):
    """One sentence per problem of ``value`` (in option spelling) against ``spec``; ``where`` names it.

    ``complete`` is false for a partly managed object: its required keys may be left out.
    A value that is a secret is never shown.
    """
    kind = spec.get("type", "any")
    display = f"{where} (its value is not shown)" if spec.get("secret") else f"{where}={shown(value)}"
    if kind == "string":
        problem = _string_rule(spec, value)
    elif kind in ("number", "integer"):
        problem = _number_rule(spec, value)
    elif kind == "boolean":
        problem = None if isinstance(value, bool) else "must be true or false"
    elif kind == "array":
        return _array_problems(spec, value, where, display)
    elif kind == "object":
        return _object_problems(spec, value, where, display, complete)
    else:
        problem = None
    return [f"{display} {problem}"] if problem else []


def _array_problems(spec, value, where, display):
    if not isinstance(value, list):
        return [f"{display} must be a list"]
    if _outside(spec, len(value)):
        return [f"{display} {spec.get('rule') or _limits(spec, 'items')}"]
    problems = []
    for index, item in enumerate(value):
        problems += check(spec.get("items", {}), item, f"{where}[{index}]")
    if not problems and (spec.get("unique") or spec.get("unique_by")):
        keys = [_identity(spec, canonical(spec.get("items", {}), item)) for item in value]
        if len(set(keys)) < len(keys):
            problems.append(f"{display} must not hold the same item twice")
    return problems


def _identity(spec, item):
    """What makes an item (in its canonical form) of a unique list itself: its ``unique_by`` fields, or all of it."""
    if spec.get("unique_by") and isinstance(item, dict):
        names = {key: name for name, key in option_names(spec["items"]).items()}
        return tuple(json.dumps(item.get(names[key])) for key in spec["unique_by"])
    return json.dumps(item, sort_keys=True)


def _object_problems(spec, value, where, display, complete):
    if not isinstance(value, dict):
        keys = ", ".join(option_names(spec)) if "fields" in spec else None
        return [f"{display} must be a mapping" + (f" with the keys {keys}" if keys else "")]
    if "values" in spec:
        return [problem for key, item in value.items() for problem in check(spec["values"], item, f"{where}.{key}")]
    names = option_names(spec)
    unknown = sorted(str(key) for key in value if key not in names)
    if unknown:
        return [f"{where} has unknown keys {', '.join(unknown)}; the keys are {', '.join(names)}"]
    problems = []
    for name, key in names.items():
        field = spec["fields"][key]
        if value.get(name) is None:
            if complete and field.get("required") and "default" not in field:
                problems.append(f"{where}.{name} is required")
            continue
        problems += check(field, value[name], f"{where}.{name}")
    if not problems and complete:
        problems += [f"{where}: {message}" for message in rule_problems(spec.get("rules", ()), value)]
    return problems


def rule_problems(rules, value):
    """The messages of the object-level rules ``value`` (option spelling) breaks."""
    problems = []
    for rule in rules:
        values = [_at(value, path) for path in rule.get("fields", ())]
        if rule["kind"] == "any_positive":
            broken = not any(_is_number(item) and item > 0 for item in values)
        elif rule["kind"] == "sum_at_most":
            limit = _at(value, rule["limit"])
            broken = _is_number(limit) and sum(item for item in values if _is_number(item)) > limit
        elif rule["kind"] in ("required_if", "forbidden_unless"):
            when = _at(value, rule["when"]["path"]) == rule["when"]["equals"]
            present = bool(_at(value, rule["path"]))
            broken = (when and not present) if rule["kind"] == "required_if" else (present and not when)
        elif rule["kind"] == "one_of_required":
            broken = not any(_at(value, path) for path in rule["paths"])
        else:
            broken = False
        if broken:
            problems.append(rule["message"])
    return problems


def _at(value, api_path):
    """The value at a dotted API path inside ``value`` (option spelling), ``None`` when absent."""
    for part in api_path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(snake(part), value.get(part))
    return value


def to_api(spec, value):
    """Option spelling -> API spelling (a free-form map keeps its keys)."""
    kind = spec.get("type")
    if kind == "object" and isinstance(value, dict):
        if "values" in spec:
            return {key: to_api(spec["values"], item) for key, item in value.items()}
        names = option_names(spec)
        return {names[name]: to_api(spec["fields"][names[name]], item) for name, item in value.items()
                if name in names and item is not None}
    if kind == "array" and isinstance(value, list):
        return [to_api(spec.get("items", {}), item) for item in value]
    return value


def from_api(spec, value):
    """API spelling -> option spelling, keeping only the keys the spec knows (a free-form map keeps all)."""
    kind = spec.get("type")
    if kind == "object" and isinstance(value, dict):
        if "values" in spec:
            return {key: from_api(spec["values"], item) for key, item in value.items()}
        return {name: from_api(spec["fields"][key], value[key]) for name, key in option_names(spec).items() if key in value}
    if kind == "array" and isinstance(value, list):
        return [from_api(spec.get("items", {}), item) for item in value]
    return value


def canonical(spec, value):
    """The form Infisical stores and compares (option spelling): trimmed strings, whole numbers as int,
    sets in one order, defaults the server fills in filled in, and keys left out where the value is null."""
    kind = spec.get("type")
    if kind == "string" and isinstance(value, str) and (spec.get("trim") or spec.get("secret_name")):
        return api_trim(value)
    if kind in ("number", "integer") and isinstance(value, float) and value.is_integer():
        return int(value)
    if kind == "object" and isinstance(value, dict):
        if "values" in spec:
            return {key: canonical(spec["values"], item) for key, item in value.items()}
        names = option_names(spec)
        filled = {name: spec["fields"][key]["default"] for name, key in names.items()
                  if "default" in spec["fields"][key] and value.get(name) is None}
        return {name: canonical(spec["fields"][names[name]], item) for name, item in dict(value, **filled).items()
                if item is not None and name in names}
    if kind == "array" and isinstance(value, list):
        items = [canonical(spec.get("items", {}), item) for item in value]
        if spec.get("set"):
            unique = {json.dumps(item, sort_keys=True): item for item in items}
            items = sorted(unique.values(), key=lambda item: _order(spec.get("items", {}), item))
        return items
    return value


def _order(spec, item):
    """Sort key of a set's item: its fields in the spec's order, a field left out first, numbers by value."""
    if isinstance(item, dict) and "fields" in spec:
        return tuple(_scalar_order(item.get(name)) for name in option_names(spec))
    return (_scalar_order(item),)


def _scalar_order(value):
    if value is None:
        return (0, 0, "")
    if _is_number(value):
        return (1, 0, value)
    if isinstance(value, str):
        return (1, 1, value)
    return (1, 2, json.dumps(value, sort_keys=True))
