"""The validation command: exit 0 on a good dataset, exit 1 with line and column on a broken copy."""

import subprocess
import sys

from tests.conftest import ROOT, VALID


def run(folder):
    return subprocess.run([sys.executable, "-m", "hudna.validate", str(folder)], cwd=ROOT, capture_output=True, text=True)


def test_valid_fixture_passes():
    out = run(VALID)
    assert out.returncode == 0, out.stdout
    assert "is valid (6 incidents" in out.stdout


def test_shipped_dataset_passes():
    out = run(ROOT / "data")
    assert out.returncode == 0, out.stdout


def test_broken_copy_fails_naming_line_and_column(editable):
    editable.set("sites", 3, "lat", "200")
    editable.set("incidents", 4, "date", "yesterday")
    out = run(editable.folder)
    assert out.returncode == 1
    assert "2 problem(s)" in out.stdout
    assert "sites, line 3, column lat: found '200'" in out.stdout
    assert "incidents, line 4, column date: found 'yesterday'" in out.stdout
