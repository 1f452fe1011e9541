"""The WordprocessingML names the draft reader looks for: namespaces and element tags."""

from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


W_P, W_TBL, W_TR, W_TC, W_PPR, W_R, W_T = (w(t) for t in ("p", "tbl", "tr", "tc", "pPr", "r",
                                                          "t"))
W_VAL = w("val")
TAB, BR, CR, NBH = w("tab"), w("br"), w("cr"), w("noBreakHyphen")
FOOTREF, ENDREF = w("footnoteReference"), w("endnoteReference")
DRAWING, PICT, OBJECT = w("drawing"), w("pict"), w("object")
TXBX = w("txbxContent")
ALT = f"{{{MC}}}AlternateContent"
OMATH, OMATHPARA = f"{{{MATH}}}oMath", f"{{{MATH}}}oMathPara"
SDT, SDTCONTENT, SDTPR = w("sdt"), w("sdtContent"), w("sdtPr")
CUSTOMXML = w("customXml")
#: Elements whose insides are not running text: read slowly, and counted as not kept.
SPECIAL = (DRAWING, PICT, OBJECT, ALT, OMATH, OMATHPARA)
TEXT_TAGS = (W_T, TAB, BR, CR, NBH, FOOTREF, ENDREF)
