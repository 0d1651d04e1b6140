"""The pages an analyst visits, with the filters analysts use: (url_pathname, query string); "" = Overview."""
TOUR = [
    ("", ""),
    ("Resolution_history", "resolution=A%2FRES%2F74%2F247"),
    ("Sponsor_blocs", "state=RUS%2CUSA"),
    ("Sponsor_blocs", "state=RUS%2CUSA&view=flows"),  # a page's other sections are one more run each
    ("Meeting_timelines", ""),
    ("State_explorer", "state=RUS%2CUSA"),
    ("Data_and_sources", ""),
    ("Alignment", "state=RUS%2CUSA"),
    ("Alignment", "state=RUS%2CUSA&view=cohesion"),
    ("Resolution_history", "state=RUS%2CUSA"),
    ("Texts", "view=compare"),
]
