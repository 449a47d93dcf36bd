"""A mock Infisical server for the tests of the infisical.secret_rotation collection (test code, never shipped).

It serves Infisical's machine-identity logins and the secret-rotation routes of all 30 rotation types
(/api/v2/secret-rotations/<type>/..., the all-types listing, the options, reconcile) from an in-memory state seeded
from a JSON file, answering with the real server's status codes, error bodies and messages (checked against the
recorded exchanges in recorded/), validating request bodies against the OpenAPI documents in spec/ (DBT) or the
type data in types/ (every type), checking its answers, and offering test controls under /__mock/ (request log,
state, faults, token expiry, reset).

Start it with ``python -m mock_infisical --port 0 [--seed FILE] [--rate-limit-read N --rate-limit-write N]``
(with tests/ on PYTHONPATH), or from Python with ``mock_infisical.control.MockInfisical.start()``.
README.md in this folder describes the seed format, the controls and where the mock deliberately differs from
the real server. The server needs PyYAML and jsonschema (tests/requirements-mock.txt); the control client
(control.py) and seed helpers (seed.py) need only the standard library.
"""
