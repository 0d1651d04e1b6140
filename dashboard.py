"""Overview: the story from A/RES/53/70 (1998) to the Hanoi signing (2025) at a glance."""
import datetime as dt

import streamlit as st

from cyberdiplomacy import figures, queries, safe_text, views, vocabulary
from cyberdiplomacy import filters as url_filters
from cyberdiplomacy.ui import data, navigation, render

filters = navigation.page(
    "Cybercrime Diplomacy Dashboard",
    "How the United Nations came to negotiate and adopt a cybercrime convention: who pushed it, "
    "who resisted, and how states line up.")
filters = url_filters.with_changes(filters, view="")  # the Overview has no sections to open
with render.guard():
    history = data.query(queries.resolution_history)
    counts = data.query(queries.headline_counts).iloc[0]
    key_rows = views.overview.key_text_rows(history)
    for column, (_, row) in zip(st.columns(max(len(key_rows), 1)), key_rows.iterrows(), strict=False):
        column.metric(row["symbol"], row["tally"], help=f"{row['title']} · adopted {row['adopted_date']}"
                      " · yes–no–abstain")
    # Four short labels: five columns cut "Signatures of the Convention" at 1400 px (a label does not wrap).
    sessions, sponsors, signatures, ratifications = st.columns(4)
    sessions.metric("Sessions on record", int(counts["held_meeting_count"]),
                    help="Held sessions of the Expert Group, Ad Hoc Committee, OEWGs, GGEs, CCPCJ and others")
    sponsors.metric("Sponsoring states", int(counts["sponsor_state_count"]),
                    help=f"{int(counts['sponsorship_count'])} sponsorships of the drafts on record")
    treaty = views.overview.entry_into_force(data.query(queries.treaty_status), dt.date.today())
    if treaty["known"]:
        signatures.metric("Signatures", treaty["signature_count"],
                          help=f"Signatures of the UN Convention against Cybercrime; {treaty['hanoi_signature_count']} "
                               "of them at the Hanoi ceremony, 25–26 October 2025")
        ratifications.metric("Ratifications", f"{treaty['instrument_count']} / 40",
                             help=f"Instruments of ratification, acceptance, approval or accession toward the 40 that "
                                  f"bring the Convention into force; {treaty['instruments_needed']} still needed")
        st.caption(views.overview.entry_into_force_text(treaty) + " Source: UN Treaty Collection, chapter XVIII-16, "
                   "and the treaty_actions table.")
    tracks = st.multiselect("Tracks on the timeline", vocabulary.TRACK_OPTIONS, default=list(filters.tracks),
                            format_func=vocabulary.track_label)
    filters = url_filters.with_changes(filters, tracks=tuple(tracks) or filters.tracks)
    if not tracks:
        render.empty("Choose at least one track to draw the timeline.")
    else:
        render.figure(filters, figures.history.overview_timeline)
    st.caption(safe_text.markdown(views.overview.import_status_text(data.query(queries.import_status).iloc[0])))  # names a file
    st.subheader("Explore")
    navigation.explore_links(filters)
    navigation.sync_url(filters)
    render.footer()
