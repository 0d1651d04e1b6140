"""The pages an analyst visits, with the filters analysts use: (url_pathname, query string); "" = Overview."""
TOUR = [
    ("", ""),
    ("Resolution_history", "resolution=A%2FRES%2F74%2F247"),
    ("Sponsor_blocs", "state=RUS%2CUSA"),
    ("Meeting_timelines", ""),
    ("State_explorer", "state=RUS%2CUSA"),
    ("Data_and_sources", ""),
    ("Alignment", "state=RUS%2CUSA"),
    ("Resolution_history", "state=RUS%2CUSA"),
]
