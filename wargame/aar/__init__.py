"""The after-action report: a saved game's record turned into one self-contained HTML or Markdown file
(briefing, a map per turn, the timeline with turn stamps, charts, every ruling and inject, the outcome).

Core code: plain string building, no textual or rich (DESIGN rule 1), so any saved game gives a report
on a machine without the UI.
"""
