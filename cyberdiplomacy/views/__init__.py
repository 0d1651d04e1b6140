"""Shaping per page (pure: DataFrames in, DataFrames and words out): one module per page, and what several
share.

Pages, figures and packs call views.<page>.<function>; nothing here imports charts, figures, ui or
briefing."""
import importlib

for _module in ("common", "overview", "history", "roll_call", "sponsors", "meetings", "states", "sources", "alignment",
                "text_compare", "texts"):
    importlib.import_module(f"cyberdiplomacy.views.{_module}")
