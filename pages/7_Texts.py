"""Texts: a resolution's own words beside its vote, two texts compared paragraph by paragraph, and a search."""
import streamlit as st

from cyberdiplomacy import figures, queries, safe_text, views, vocabulary
from cyberdiplomacy import filters as url_filters
from cyberdiplomacy.figures import q
from cyberdiplomacy.ui import data, downloads, navigation, render, widgets


def read(filters):
    texts = data.query(queries.text_list)
    options = list(texts["resolution_symbol"])
    if filters.resolution and filters.resolution not in options:
        st.info(views.texts.no_words_text(filters.resolution))
    default = filters.resolution if filters.resolution in options else views.texts.default_text(options)
    widgets.seed("text_read", default, options)
    symbol = st.selectbox("Text", options, key="text_read", format_func=views.texts.text_labels(texts).__getitem__)
    filters = url_filters.with_changes(filters, resolution=symbol)
    words, facts = st.columns([3, 2])
    facts.markdown(views.history.resolution_story(views.history.row_for(data.query(queries.resolution_history), symbol),
                                           data.query(queries.resolution_sponsors, symbol=symbol),
                                           data.query(queries.states)))
    navigation.link(facts, "pages/1_Resolution_history.py", "Its vote and sponsors on Resolution history",
                {"resolution": symbol, "view": "text"})
    facts.markdown(views.texts.lineage_markdown(data.query(queries.text_lineage), symbol))
    paragraphs = data.query(queries.text_paragraphs, symbol=symbol)
    words.markdown(views.texts.text_markdown(paragraphs, data.query(queries.text_citations_of, symbol=symbol)))
    st.caption(views.texts.SOURCE_NOTE)
    downloads.sourced_downloads(f"text-{views.texts.slug(symbol)}", paragraphs, f"the paragraphs of {symbol}",
                             views.texts.sources(paragraphs))
    return filters


def compare(filters):
    texts, lineage = data.query(queries.text_list), data.query(queries.text_lineage)
    offered = views.texts.comparisons(texts, lineage)
    choice = widgets.kept(st.selectbox, "Compare", list(offered), key="compare_pair",
                         default=views.texts.default_comparison(offered, filters.resolution, lineage, texts))
    before, after = offered[choice]
    aligned = data.derive(views.text_compare.align, q(queries.text_paragraphs, symbol=before),
                          q(queries.text_paragraphs, symbol=after))
    st.markdown(f"**{safe_text.markdown(views.texts.comparison_title(before, after, aligned))}**")
    show_same = st.toggle("Show unchanged paragraphs too", key="compare_same")
    st.markdown(views.texts.comparison_markdown(aligned, show_same))
    st.caption(views.texts.SOURCE_NOTE + " Marks: **added words**, ~~removed words~~ (the later text against the "
               "earlier one).")
    name = f"compare-{views.texts.slug(before)}-{views.texts.slug(after)}"
    downloads.sourced_downloads(name, aligned, f"{before} compared with {after}",
                             views.texts.sources(aligned, [before, after]))
    downloads.comparison_download(aligned, before, after, name)


def search(filters):
    term = st.text_input("Search the texts for", value=filters.search, key="text_search", max_chars=100,
                         placeholder="human rights, capacity-building, Budapest …")
    tracks = st.multiselect("Tracks", vocabulary.TRACK_OPTIONS, default=list(filters.tracks),
                            format_func=vocabulary.track_label)
    filters = url_filters.with_changes(filters, search=term.strip(), tracks=tuple(tracks) or filters.tracks)
    if not term.strip():
        render.empty("Type a word or phrase to see where the texts use it.")
        return filters
    render.figure(filters, figures.texts.term_frequency)
    hits = data.query(queries.text_search, term=term.strip(), tracks=list(filters.tracks))
    if hits.empty:
        render.empty(views.texts.no_hits_text(term.strip()))
        return filters
    # Words, not a data grid: a grid's script would delay the chart above it (make bench).
    st.markdown(views.texts.hits_markdown(hits, term.strip()))
    downloads.sourced_downloads(f"search-{views.texts.slug(term)}", views.texts.excerpts(hits, term.strip()),
                             f"paragraphs containing {term.strip()!r}", views.texts.sources(hits, []))
    return filters


filters = navigation.page("Texts", "What each text says, what changed from the text before it, and where a word is used.")
with render.guard():
    if data.query(queries.text_list).empty:
        render.empty("No text of the record is on record word for word yet.")
    else:
        filters = navigation.sections(filters, "texts_view", [
            ("read", "Read a text", read), ("compare", "Compare two texts", compare), ("search", "Search", search)],
            start="read")
    navigation.sync_url(filters)
    render.footer()
