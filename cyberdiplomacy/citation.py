"""'Cite this figure': an APA-style line and a BibTeX entry a researcher can paste, for a chart, a table or a
briefing pack, naming the data version, the build date, the URL of the view and the sources.

Pure: no streamlit, so the CLI, the briefing packs and the tests make the same text as the app.
"""
from __future__ import annotations

import re

AUTHOR = "Cybercrime Diplomacy Dashboard contributors"
PUBLISHER = "Cybercrime Diplomacy Dashboard"
MAX_SOURCES = 12  # a pack cites dozens; its numbered reference list carries them all, the citation the first ones
_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_~^])")
_BIBTEX_REPLACE = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bibtex_text(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACE.get(m.group(1), "\\" + m.group(1)), text)


def _sources_text(sources: list[str]) -> str:
    unique = list(dict.fromkeys(s.strip() for s in sources if s and s.strip()))
    if len(unique) > MAX_SOURCES:
        return "; ".join(unique[:MAX_SOURCES]) + f"; and {len(unique) - MAX_SOURCES} more"
    return "; ".join(unique)


def _key(title: str, year: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())[:4]
    return "_".join(["cyberdiplomacy", year or "nd", *words])


def figure_citation(build_info: dict, view_url: str, sources: list[str], title: str, kind: str = "Figure") -> dict:
    """{'apa', 'bibtex', 'text'} for one figure (or table, or briefing pack: `kind`) as exported now.

    The year and date are the data build's, not the download's: the figure is a view of that build, and the
    same build gives the same figure."""
    version = str(build_info.get("data_version") or "unknown")
    built = str(build_info.get("data_built_date") or "")[:10]
    year = built[:4]
    cited = _sources_text(sources)
    title = (title or PUBLISHER).strip()
    apa = (f"{AUTHOR}. ({year or 'n.d.'}). {title} (Data version {version}, built {built or 'unknown'}) [{kind}]. "
           f"{PUBLISHER}." + (f" {view_url}" if view_url else "") + (f" Sources: {cited}." if cited else ""))
    note = f"{kind}. Data version {version}, built {built or 'unknown'}." + (f" Sources: {cited}." if cited else "")
    fields = [("author", f"{{{AUTHOR}}}"), ("title", f"{{{_bibtex_text(title)}}}"), ("year", year or "n.d."),
              ("version", _bibtex_text(version)), ("publisher", PUBLISHER)]
    if view_url:
        fields += [("url", view_url), ("howpublished", f"\\url{{{view_url}}}")]
    fields.append(("note", _bibtex_text(note)))
    bibtex = f"@misc{{{_key(title, year)},\n" + ",\n".join(f"  {k} = {{{v}}}" for k, v in fields) + "\n}"
    return {"apa": apa, "bibtex": bibtex, "text": f"{apa}\n\n{bibtex}\n"}


def view_url(base: str, params: dict[str, str]) -> str:
    """The URL of the view: the page's address and its filters, readable (commas and slashes kept)."""
    from urllib.parse import urlencode

    query = urlencode({k: v for k, v in params.items() if v not in (None, "")}, safe=",/")
    return f"{base}?{query}" if base and query else base or (f"?{query}" if query else "")
