"""The fonts of the documents.

PDFs embed Liberation Sans (resources/fonts, SIL OFL 1.1), which has every
Lithuanian letter. DOCX files name Arial, which every Word has and which
Liberation Sans matches metric for metric, so both formats break lines alike;
LibreOffice shows Arial as Liberation Sans.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: The font the DOCX documents ask for.
DOCX_FONT = "Arial"
#: Names under which the embedded fonts are registered with reportlab.
PDF_REGULAR = "KPlanSans"
PDF_BOLD = "KPlanSans-Bold"

_FILES = {PDF_REGULAR: "LiberationSans-Regular.ttf", PDF_BOLD: "LiberationSans-Bold.ttf"}


def fonts_dir() -> Path:
    """resources/fonts: next to the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "resources" / "fonts"] if bundle else []
    candidates.append(Path(__file__).resolve().parents[2] / "resources" / "fonts")
    for folder in candidates:
        if (folder / _FILES[PDF_REGULAR]).is_file():
            return folder
    return candidates[-1]


def register_pdf_fonts() -> None:
    """Register the embedded fonts with reportlab (once per process; cheap after that)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    registered = pdfmetrics.getRegisteredFontNames()
    if PDF_REGULAR in registered and PDF_BOLD in registered:
        return
    folder = fonts_dir()
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file_name)))
    addMapping(PDF_REGULAR, 0, 0, PDF_REGULAR)
    addMapping(PDF_REGULAR, 1, 0, PDF_BOLD)
    addMapping(PDF_REGULAR, 0, 1, PDF_REGULAR)
    addMapping(PDF_REGULAR, 1, 1, PDF_BOLD)
