"""Data & sources: every table of the data contract, its sources and how sure each fact is."""
import streamlit as st

from cyberdiplomacy import figures, queries, views
from cyberdiplomacy import filters as url_filters
from cyberdiplomacy.ui import data, downloads, imports, navigation, render, widgets


def confidence(filters):
    render.figure(filters, figures.sources.data_confidence)
    st.caption("Known and unknown (empty) cells per table, notes excluded, are in the chart's table. Unknown cells "
               "are shown as empty everywhere, never as zero.")
    st.subheader("Confidence levels")
    st.markdown(views.sources.CONFIDENCE_TEXT)


def origins(filters):
    st.subheader("Datasets")
    render.show_table(data.query(queries.table, name="datasets"))
    st.subheader("Where the rows come from")
    st.caption(views.sources.ORIGINS_NOTE)
    render.show_table(views.sources.origin_table(data.query(queries.origin_counts)))
    st.subheader("Recorded votes per session")
    st.caption(views.sources.COVERAGE_NOTE)
    render.show_table(data.query(queries.vote_coverage_by_session))
    disagreements = data.query(queries.vote_disagreements)
    if disagreements.empty:
        st.caption("No state's vote is recorded differently by two origins that both hold the vote.")
    else:
        st.caption(f"{len(disagreements)} state vote(s) recorded differently by two origins (the record keeps "
                   "kept_origin's):")
        render.show_table(disagreements)
    facts = data.query(queries.text_disagreements)
    if not facts.empty:
        st.caption(f"{len(facts)} fact(s) of curated texts that the UN's machine-readable resolutions give "
                   "differently (curated kept):")
        render.show_table(facts)
    imports.panel()


def browse(filters):
    name = widgets.kept(st.selectbox, "Browse a table", list(views.sources.BROWSABLE_TABLES), key="browse_table",
                       default=views.sources.BROWSABLE_TABLES[0])
    table = data.query(queries.table, name=name)
    text = st.text_input("Filter rows containing (any column)", value=filters.search,
                         max_chars=url_filters.MAX_SEARCH_LENGTH)
    filters = url_filters.with_changes(filters, search=text.strip())
    confidence_levels = widgets.kept(st.multiselect, "Confidence", list(views.sources.CONFIDENCE_LEVELS),
                                    key="browse_confidence", default=list(views.sources.CONFIDENCE_LEVELS))
    shown, per_state = views.states.rows_for_states(views.sources.filter_rows(table, text, confidence_levels), filters.states)
    if per_state:
        st.caption(per_state)
    st.caption(f"{len(shown)} of {len(table)} rows")
    if shown.empty:
        render.empty("No row matches this filter.")
    else:
        render.show_table(shown)
    downloads.table_downloads(name, shown, text, confidence_levels)
    return filters


def sources(filters):
    st.subheader("Sources cited")
    render.show_table(views.sources.source_table(data.query(queries.table, name="sources")),
                      link_url=st.column_config.LinkColumn("link"))
    st.subheader("The whole dataset")
    downloads.dataset_download()


filters = navigation.page("Data & sources",
                      "Every table behind the charts, with the source and confidence of each row. Researchers can "
                      "also open the DuckDB file directly (see the README's data contract).")
with render.guard():
    filters = navigation.sections(filters, "sources_view", [
        ("confidence", "How sure the rows are", confidence),
        ("origins", "Where the rows come from", origins),
        ("browse", "Browse a table", browse),
        ("sources", "Sources and the whole dataset", sources),
    ], start="browse" if filters.search else None)
    navigation.sync_url(filters)
    render.footer()
