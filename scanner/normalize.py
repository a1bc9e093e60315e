"""Same-length normalization of a text before analysis, so offsets stay offsets into it.

Full-width forms (U+FF01–FF5E: ０１０－１２３４, ＠, ：) are how CJK input methods type digits,
letters and punctuation; recognizers written for ASCII would miss ``０１０-１２３４-５６７８``.
``fold_width`` maps each to its ASCII character and the ideographic space (U+3000) to a
space, one character for one, so a detection's span in the folded text is its span in the
original.
"""

from __future__ import annotations

import re

_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")
_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold_width(text: str) -> str:
    """``text`` with full-width ASCII forms and U+3000 replaced by ASCII (same length)."""
    if _FULL_WIDTH.search(text) is None:
        return text
    return text.translate(_TABLE)
