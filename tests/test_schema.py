"""`speechkit schema`: the JSON Schema of --json output, and every command's output valid under it."""
from __future__ import annotations

import json

import jsonschema
import pytest

from speechkit.cli import cli
from speechkit.records import FIELDS
from speechkit.schema import field_type, json_schema
from tests.conftest import SAMPLES

COMMANDS = [c for c in FIELDS if c in cli.commands]


def test_schema_command_prints_a_valid_schema(runner):
    r = runner.invoke(cli, ["schema"], catch_exceptions=False)
    schema = json.loads(r.stdout)
    assert r.exit_code == 0 and schema == json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_field_has_a_type():
    missing = [(c, f) for c, fields in FIELDS.items() for f in fields
               if field_type(c if c != "analyze" else "*", f) is None and c != "analyze"]
    assert not missing


@pytest.mark.parametrize("command", COMMANDS)
def test_every_commands_json_output_is_valid(runner, tmp_path, command):
    missing = tmp_path / "missing.txt"
    args = [command, *map(str, SAMPLES), str(missing), "--json"] + (["--all"] if command == "targets" else [])
    r = runner.invoke(cli, args, catch_exceptions=False)
    doc = json.loads(r.stdout)
    assert r.exit_code == 1 and doc["errors"][0]["file"] == str(missing)
    assert doc["files"], command
    jsonschema.validate(doc, json_schema(), cls=jsonschema.Draft202012Validator)


def test_schema_catches_a_wrong_record(runner):
    r = runner.invoke(cli, ["outline", str(SAMPLES[0]), "--json"], catch_exceptions=False)
    doc = json.loads(r.stdout)
    doc["files"][0]["records"][0]["level"] = "one"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, json_schema(), cls=jsonschema.Draft202012Validator)
