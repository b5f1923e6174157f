"""Layering rules: the domain package never imports streamlit; builders never call st.*."""

import ast
import subprocess
import sys

from tests.conftest import ROOT


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_domain_package_source_never_imports_streamlit():
    offenders = [p.name for p in (ROOT / "hudna").rglob("*.py") if any(m.split(".")[0] == "streamlit" for m in imported_modules(p))]
    assert offenders == []


def test_importing_every_domain_module_loads_no_streamlit():
    modules = [f"hudna.{p.stem}" for p in (ROOT / "hudna").glob("*.py") if p.stem != "__init__"]
    code = f"import sys; import {', '.join(modules)}; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_builders_make_no_streamlit_calls():
    glue = {"data_access.py", "url_state.py", "sidebar.py", "page_context.py", "access.py", "__init__.py"}
    builders = [p for p in (ROOT / "components").glob("*.py") if p.name not in glue]
    assert builders, "no builder modules found"
    offenders = [p.name for p in builders if any(m.split(".")[0] == "streamlit" for m in imported_modules(p))]
    assert offenders == []
