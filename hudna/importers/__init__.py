"""Importers of ACLED exports and UCDP GED files into Hudna's six tables, with every rejected row reported; no streamlit here."""

from hudna.importers.acled import import_acled
from hudna.importers.common import ImportResult
from hudna.importers.reading import ImportFileError
from hudna.importers.ucdp import import_ucdp

IMPORTERS = {"acled": import_acled, "ucdp": import_ucdp}

__all__ = ["IMPORTERS", "ImportFileError", "ImportResult", "import_acled", "import_ucdp"]
