"""The public layer's documentation in one place: what every view in `main` and each of its columns means.

The curated views (states, resolutions, votes, ...) are described by data/datapackage.json, plus the columns the
build adds (DERIVED); every other view is described here (SECTIONS). The build writes these texts as the views'
COMMENTs (step `comments` in etl/steps.py) and etl/docs.py writes them as the README's data contract, so the
warehouse and the README say the same; a test holds the columns declared here to the built views.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from etl.schema import Catalog, Table

if TYPE_CHECKING:
    from etl.steps import Build

Column = tuple[str, str, str]  # name, Table Schema type (string, integer, date, datetime, boolean, array), meaning


@dataclass(frozen=True)
class View:
    name: str
    about: str  # the view's COMMENT: what one row is and where it comes from
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class Section:
    title: str
    intro: str  # the README's paragraph before the section's views
    views: tuple[View, ...]


ORIGINS = "`curated`, `undl`, `unxml` or `history`"
RESOLUTION = ("resolution_symbol", "string", "Full symbol of the resolution (A/RES/73/187)")
STATE = ("iso3", "string", "State, ISO 3166-1 alpha-3 code")
VOTE_WORDS = "Y yes, N no, A abstain, X did not vote"
UNXML_SOURCE = ("unxml_source", "string", "The file of the UN's machine-readable resolutions giving the other value")

# Columns the build adds to the curated views of data/datapackage.json.
DERIVED: dict[str, tuple[Column, ...]] = {
    "states": (("iso_name", "string", "ISO 3166-1 name of the code (pycountry), for comparison with the UN name"),),
    "resolutions": (
        ("origin", "string", "Where the row comes from: `curated` (data/resolutions.csv), `undl` (an imported UN "
                             "Digital Library file), `unxml` (the UN's machine-readable resolutions, sessions 74-80) "
                             "or `history` (Voeten's voting history); only texts matching data/track_rules.yml join "
                             "from the last three"),
        ("filled_from_undl", "string", "Fields of a curated row left empty by curation and filled from an import, "
                                       "comma-separated (empty: none); the row keeps its curated source"),
        ("filled_from_unxml", "string", "Fields of a curated row left empty by curation (and by imports) and filled "
                                        "from the UN's machine-readable resolutions, comma-separated (empty: none)"),
        ("imported_from", "string", "The imported file that filled or contributed the row"),
        ("document_url", "string", "Link to the document on undocs.org"),
    ),
    "votes": (("origin", "string", f"Where the per-state votes of this resolution come from: {ORIGINS}; one origin "
                                   "per resolution, in that order of precedence"),),
    "sponsorships": (("origin", "string", "`curated` (data/sponsorships.csv) or `unxml` (the UN's machine-readable "
                                          "resolutions, for the record's texts and the states curation does not "
                                          "name)"),),
    "bloc_memberships": (("start_date", "date", "First day of the spell as every figure reads it: `joined_date`, else "
                                                "the bloc's `founding_date` (blocs.csv); a member counts on a vote "
                                                "when start_date <= vote date < left_date"),),
}

PROVENANCE = Section("Provenance", "Where every fact comes from, what the warehouse was built from, and when.", (
    View("sources", "Every reference cited by the curated rows, with the number of rows citing it per table and "
                    "their confidence (a row may cite several, separated by ' ; ').", (
        ("source_ref", "string", "One reference as cited: a document symbol or a URL, with any words after it"),
        ("source_kind", "string", "`document` (a symbol) or `url`"),
        ("link_url", "string", "Where to read it: the URL, or undocs.org for A/… and E/… symbols (empty: none)"),
        ("table_name", "string", "The public view whose rows cite it"),
        ("row_count", "integer", "Rows of that view citing it"),
        ("confirmed_count", "integer", "Of those, rows of confidence `confirmed`"),
        ("single_source_count", "integer", "Of those, rows of confidence `single-source`"),
        ("inferred_count", "integer", "Of those, rows of confidence `inferred`"))),
    View("datasets", "One row per curated table and bundled file: provenance (producer, URL, date accessed, "
                     "licence), grain and row count.", (
        ("table_name", "string", "The curated table, or a bundled file as dataset_file "
                                 "(`ga_voting_history_votes`)"),
        ("file_name", "string", "The file under data/"),
        ("title", "string", "What the table or dataset holds"),
        ("producer", "string", "Who published the facts"),
        ("url", "string", "Where the producer publishes them"),
        ("accessed_date", "date", "When the source was read"),
        ("licence", "string", "Terms under which the facts are reused"),
        ("grain", "string", "What one row is"),
        ("row_count", "integer", "Rows in this build"))),
    View("build_info", "One row: when and from which data version this warehouse was built.", (
        ("data_version", "string", "Version of the curated data (data/datapackage.json)"),
        ("built_at", "datetime", "When the build ran, in the building machine's time zone"),
        ("data_built_date", "date", "The day of the build: the 'Data built' date of every figure's footer"),
        ("licence", "string", "Licence statement of the curated data"),
        ("citation", "string", "How to cite this data version"))),
))

RECORD = Section(
    "The record: one `resolutions`, one `votes`, one `all_votes`",
    "`resolutions`, `votes` and `sponsorships` hold the record whatever its origin. Per-state plenary votes come "
    "from one origin per resolution: curated rows (`data/votes.csv`) first, then the newest UN Digital Library "
    "import, then the UN's machine-readable resolutions (sessions 74-80, `unxml`), then Voeten's history "
    "(1946-2019); where the two bundled origins both hold a vote (session 74) the UN's own lists win. Both list "
    "only states that voted: a member on the vote date with no row is shown as not voting (`X`, confidence "
    "`inferred`). Imports and the UN's resolutions fill only what curation left empty (`filled_from_undl`, "
    "`filled_from_unxml`), and a text the curated record lacks joins only when `data/track_rules.yml` matches its "
    "title or subjects.", (
        View("all_votes", "The recorded GA plenary votes per state that the origins hold, 1946 onwards: curated, "
                          "then imported, then the UN's machine-readable resolutions (sessions 74-80), then Voeten's "
                          "history (doi:10.7910/DVN/LEJUQZ); origin says which; is_cyber marks the record's texts. "
                          "See the README on coverage and its gaps.", (
            RESOLUTION,
            ("vote_date", "date", "Date of the plenary vote"),
            ("iso3", "string", "Voting state, ISO 3166-1 alpha-3; the history's codes of former states (YUG, CSK, "
                               "DDR, ...) kept"),
            ("vote", "string", f"{VOTE_WORDS} (a member on the vote date without a recorded vote)"),
            ("session", "string", "GA session, as text: `74`, `ES-11`"),
            ("origin", "string", f"Where this resolution's per-state votes come from: {ORIGINS}"),
            ("is_cyber", "boolean", "Whether the resolution is one of the record's texts (in `resolutions`)"))),
        View("state_labels", "Display name for every state code in the record; former states (CSK, DDR, YUG before "
                             "2000) carry the voting dataset's own name.", (
            ("iso3", "string", "State code as the record writes it: ISO 3166-1 alpha-3, or a former state's code in "
                               "the history"),
            ("name", "string", "The UN short name, or a former state's name in the history, title-cased"),
            ("un_regional_group", "string", "UN regional group today (`No regional group`: none, or a former state)"),
            ("is_current", "boolean", "Whether the code is in `states`; false for a former state known only from "
                                      "the history"))),
    ))

TEXTS = Section("The texts", "The record's texts paragraph by paragraph, what they cite, and the lineage they state.", (
    View("text_paragraphs", "The record's texts paragraph by paragraph, as plain text (UN machine-readable "
                            "resolutions; the 2018 draft from its public document).", (
        ("text_symbol", "string", "The text the paragraph is in: a resolution, or a draft (A/C.3/73/L.9/Rev.1)"),
        ("resolution_symbol", "string", "The resolution the text is, or was adopted from it"),
        ("paragraph_order", "integer", "Position of the paragraph in the text, from 1"),
        ("part", "string", "`preamble`, `operative` or `annex`"),
        ("paragraph_number", "string", "The number as printed (`25.`); empty when the paragraph has none"),
        ("heading_path", "string", "Headings above the paragraph, outermost first, joined by ` › ` (the "
                                   "Convention's chapter and article)"),
        ("paragraph_text", "string", "The paragraph's words as plain text, footnotes left out"),
        ("source", "string", "The file or document the paragraph was read from"))),
    View("text_citations", "The resolutions, decisions and documents each paragraph of the record's texts cites "
                           "(undocs.org links, footnotes included, and symbols named in its words).", (
        ("text_symbol", "string", "The citing text"),
        ("resolution_symbol", "string", "The resolution the citing text is, or was adopted from it"),
        ("paragraph_order", "integer", "The citing paragraph (text_paragraphs.paragraph_order)"),
        ("cited_symbol", "string", "Full symbol of what is cited (A/RES/53/70, A/68/98, CCPCJ 22/8)"),
        ("cited_as", "string", "How the text writes it (`53/70`)"),
        ("cited_in_record", "boolean", "Whether the cited text is one of the record's (`resolutions`)"),
        ("source", "string", "The file the citation was read from"))),
    View("text_lineage", "Per text: the record's texts it cites and those citing it, beside the text before it in "
                         "its track.", (
        RESOLUTION,
        ("track", "string", "`criminal_ict` or `international_security`"),
        ("adopted_date", "date", "Date of adoption"),
        ("previous_in_track", "string", "The record's resolution adopted before it in the same track"),
        ("cites_previous_in_track", "boolean", "Whether the text names the resolution before it in its track"),
        ("cited_record_symbols", "array", "The record's texts it cites, in symbol order"),
        ("cited_by_symbols", "array", "The record's texts citing it, in symbol order"))),
))

ORIGINS_COMPARED = Section(
    "Origins compared",
    "Where two origins hold the same fact differently (the record keeps the first-ranked, as above), and what "
    "each bundled origin holds per session.", (
        View("vote_disagreements", "States whose vote two origins record differently, per pair of origins holding "
                                   "the same vote; the record keeps kept_origin. A state missing from a bundled "
                                   "origin's lists counts as not voting there.", (
            RESOLUTION, STATE,
            ("kept_vote", "string", f"The vote the record keeps ({VOTE_WORDS})"),
            ("kept_origin", "string", f"The first-ranked origin of the two, which the record keeps: {ORIGINS}"),
            ("other_vote", "string", "The vote the other origin records"),
            ("other_origin", "string", "The other origin"),
            ("other_file", "string", "The file the other origin holds the vote in"))),
        View("text_disagreements", "Facts of a curated text that the UN's machine-readable resolutions give "
                                   "differently (curated kept).", (
            RESOLUTION,
            ("column_name", "string", "The column of `resolutions` the two differ on"),
            ("curated_value", "string", "The curated value, as text (kept)"),
            ("unxml_value", "string", "The UN's value, as text"),
            UNXML_SOURCE)),
        View("sponsor_disagreements", "Curated sponsorships whose role the UN's machine-readable resolutions give "
                                      "differently (curated kept).", (
            RESOLUTION, STATE,
            ("curated_role", "string", "`original` (on the draft) or `additional` (joined later), as curated (kept)"),
            ("unxml_role", "string", "The role in the UN's list"),
            ("unxml_draft_symbol", "string", "The draft the UN's list names"),
            UNXML_SOURCE)),
        View("vote_coverage_by_session", "Per GA session: recorded votes held by each bundled origin and kept in the "
                                         "record, with first and last vote dates.", (
            ("session", "string", "GA session, as text: `74`, `ES-10`"),
            ("first_vote_date", "date", "Date of the session's first recorded vote the record keeps"),
            ("last_vote_date", "date", "Date of its last"),
            ("history_vote_count", "integer", "Recorded votes Voeten's history holds"),
            ("unxml_vote_count", "integer", "Recorded votes the UN's machine-readable resolutions give"),
            ("unxml_listed_vote_count", "integer", "Of those, votes with per-state lists"),
            ("kept_vote_count", "integer", "Recorded votes the record keeps (`all_votes`)"))),
    ))

IMPORTED = ("import_file", "string", "The imported CSV file the row comes from")
TITLE_FIELDS = (
    ("session", "string", "GA session, as text: `73`, `ES-10`"),
    ("title", "string", "Title (Unicode NFC)"),
    ("agenda_title", "string", "Title of the agenda item"),
    ("subjects", "string", "Subject headings of the UN Digital Library"),
    ("draft_symbol", "string", "Symbol of the draft adopted"),
    ("meeting_record", "string", "Verbatim record of the meeting"))
ANNOUNCED = (
    ("announced_yes_count", "integer", "Officially announced votes in favour"),
    ("announced_no_count", "integer", "Officially announced votes against"),
    ("announced_abstain_count", "integer", "Officially announced abstentions"))
UNDL_LINK = ("undl_link", "string", "The record's page in the UN Digital Library")
IMPORTED_AT = ("imported_at", "datetime", "When the file was imported (UTC)")

IMPORTS = Section(
    "Imported UN Digital Library data (empty until `python -m etl import-undl FILE`)",
    "The UN Digital Library data are published for non-commercial use with attribution (© United Nations); the app "
    "and every export show that attribution whenever they draw them.", (
        View("undl_votes", "Votes imported from the UN Digital Library bulk CSV (record 4060887), newest release per "
                           "resolution and state; non-commercial use, (c) United Nations. Empty until python -m etl "
                           "import-undl.", (
            RESOLUTION,
            ("iso3", "string", "State code as in the file"),
            ("vote", "string", f"{VOTE_WORDS}; the file's `NV` and empty become X"),
            ("vote_date", "date", "Date of the vote"),
            IMPORTED)),
        View("undl_vote_records", "One row per resolution of the imported voting files: title, documents, "
                                  "announced totals.", (
            RESOLUTION, ("vote_date", "date", "Date of the vote"), *TITLE_FIELDS, *ANNOUNCED,
            ("state_row_count", "integer", "Per-state rows the file holds for it"),
            UNDL_LINK, IMPORTED, IMPORTED_AT)),
        View("undl_resolutions", "Resolutions imported from the UN Digital Library dataset (record 4060945), one row "
                                 "per resolution.", (
            RESOLUTION, ("adopted_date", "date", "Date of adoption"), *TITLE_FIELDS,
            ("vote_note", "string", "The file's note on the vote (`without vote`, ...)"), *ANNOUNCED,
            ("adoption_mode", "string", "`recorded_vote`, or `without_vote_or_unknown` when no totals are given"),
            UNDL_LINK, IMPORTED, IMPORTED_AT)),
        View("undl_disagreements", "Imported votes that differ from curated ones (curated facts are kept), for "
                                   "review.", (
            RESOLUTION, STATE,
            ("curated_vote", "string", "The curated vote (kept)"),
            ("imported_vote", "string", "The imported vote"),
            IMPORTED)),
    ))

SECTIONS = (PROVENANCE, RECORD, TEXTS, ORIGINS_COMPARED, IMPORTS)


def lit(text: str) -> str:
    """SQL string literal for DDL: COMMENT ON accepts no bound parameters. Only ever used with the project's own
    texts (this module, datapackage.json), never with user input."""
    return "'" + text.replace("'", "''") + "'"


def curated_about(table: Table) -> str:
    return f"{table.title}. Grain: {table.grain}. Source: {table.producer} ({table.url})."


def views(catalog: Catalog) -> dict[str, tuple[str, tuple[Column, ...]]]:
    """Every public view: its description and its columns (name, type, description)."""
    found = {t.name: (curated_about(t), tuple((c.name, c.type, c.description) for c in t.columns.values())
                      + DERIVED.get(t.name, ())) for t in catalog.tables.values()}
    found.update({v.name: (v.about, v.columns) for section in SECTIONS for v in section.views})
    return found


def comment(build: Build) -> None:
    """COMMENT ON each public view and each of its columns."""
    for view, (about, columns) in views(build.catalog).items():
        build.con.execute(f"COMMENT ON VIEW {view} IS {lit(about)}")  # names: datapackage.json and this module
        for name, _type, description in columns:
            build.con.execute(f"COMMENT ON COLUMN {view}.{name} IS {lit(description)}")
