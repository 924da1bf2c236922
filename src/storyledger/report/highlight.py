"""An article body as HTML paragraphs with its claim sentences wrapped in <mark>.

Every piece of article text is escaped here; only tags we write ourselves are added.
"""
from __future__ import annotations

from html import escape

from storyledger.model import Article, Claim
from storyledger.report.view import claim_tooltip


def _segments(body: str, claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """Cut the body at every claim boundary; each piece carries the claims covering it."""
    spans = [c for c in claims if c.field == "body" and 0 <= c.char_start < c.char_end <= len(body)]
    cuts = sorted({0, len(body), *(c.char_start for c in spans), *(c.char_end for c in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [c for c in spans if c.char_start <= a and b <= c.char_end]
        out.append((body[a:b], covering))
    return out


def highlight_body(article: Article, claims: list[Claim]) -> str:
    """Paragraphs (blank-line separated) with <mark> over claim sentences and a tooltip each."""
    html: list[str] = ["<p>"]
    anchored: set[str] = set()
    for text, covering in _segments(article.body, claims):
        paras = text.split("\n\n")
        for i, piece in enumerate(paras):
            if i:
                html.append("</p><p>")
            piece_html = escape(piece).replace("\n", "<br>")
            if not covering or not piece.strip():
                html.append(piece_html)
                continue
            kinds = sorted({c.kind for c in covering})
            # the first piece of a claim carries its anchor so the ledger table can link to it
            ids = [c.id for c in covering if c.id not in anchored]
            anchored.update(ids)
            id_attr = f' id="c-{escape(ids[0])}"' if ids else ""
            html.extend(f'<span class="anchor" id="c-{escape(i)}"></span>' for i in ids[1:])
            tip = " | ".join(claim_tooltip(c) for c in covering)
            html.append(f'<mark class="claim {" ".join("k-" + k for k in kinds)}"{id_attr} '
                        f'title="{escape(tip)}" data-claims="{escape(" ".join(c.id for c in covering))}">'
                        f'{piece_html}</mark>')
    html.append("</p>")
    return "".join(html).replace("<p></p>", "")
