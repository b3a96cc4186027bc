"""The one place that knows where the ontology, data, shapes and queries are.

In a wheel the ontology is packaged as ``esrkg/ontology``; in a source checkout (editable
install, tests) it is the repository's top-level ``ontology/`` folder.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
QUERIES_DIR = PACKAGE_DIR / "queries"


def ontology_dir() -> Path:
    """The folder holding esr.ttl, data/ and shapes.ttl."""
    packaged = PACKAGE_DIR / "ontology"
    if packaged.is_dir():
        return packaged
    checkout = PACKAGE_DIR.parents[1] / "ontology"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"esrkg cannot find its ontology folder (looked in {packaged} and {checkout}).")


def app_dir() -> Path:
    """The Streamlit app (packaged as ``esrkg/app`` in a wheel, top-level ``app/`` in a checkout)."""
    packaged = PACKAGE_DIR / "app"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parents[1] / "app"


def tbox_file() -> Path:
    """The ontology's classes and properties."""
    return ontology_dir() / "esr.ttl"


def data_files() -> list[Path]:
    """The instance data, one Turtle file per topic or edition, in a stable order."""
    return sorted((ontology_dir() / "data").glob("*.ttl"))


def shapes_file() -> Path:
    """The SHACL shapes the data must satisfy."""
    return ontology_dir() / "shapes.ttl"


def findings_csv() -> Path:
    """The later task forces' findings, the input of the findings import."""
    return ontology_dir() / "sources" / "task-force-findings.csv"


def info_sheet_file() -> Path:
    """The info sheet the first edition's data was modelled from (for fidelity checks)."""
    return ontology_dir() / "sources" / "esr-info-sheet.txt"
