import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import adder

HEADER = """\
# Russian and Belarusian forces staged in Belarus for a move on the Suwałki gap, 2025 (scenario
# suwalki-corridor). Written with tools/place_units.py from tools/oob_specs/russia_belarus_2025.py.
# ASSUMPTION: after the Zapad-2025 exercise a Russian group stays in Belarus (as in early 2022), and
# Belarus commits its 6th and 11th Mechanised Brigades (Grodno, Slonim).
"""
COUNTRIES = ["BLR"]
META = {
    "id": "russia-belarus-2025", "side": "red",
    "title": "Russian group in Belarus and Belarusian brigades, 2025",
    "sources": {"iiss2025": "IISS, The Military Balance 2025 (Belarus: 6th Gds Mech Bde Grodno, 11th Gds Mech Bde Slonim, 120th Gds Mech Bde)",
                "ref": "shared/reference/rand-baltic.md §3 (Die Welt / Bundeswehr University wargame Dec 2025: Russia took Marijampolė with ~15,000)"},
}
UNITS = []
add = adder(UNITS, "RUS", "iiss2025; ref")
G = "Russian group in Belarus"
add(G, 2, "ru-blr-tk", "{ord} Tank BTG, Russian group in Belarus", "ru_tank_btg", "Russian Group of Forces in Belarus", "Hrodna", assumption="stays after Zapad-2025")
add(G, 2, "ru-blr-mr", "{ord} MR BTG, Russian group in Belarus", "ru_mr_btg", "Russian Group of Forces in Belarus", "Lida", assumption="stays after Zapad-2025")
add(G, 1, "ru-blr-art", "Artillery Bn, Russian group in Belarus", "ru_artillery", "Russian Group of Forces in Belarus", "Hrodna")
add(G, 1, "ru-blr-ad", "AD Bn (Buk), Russian group in Belarus", "ru_sam_short", "Russian Group of Forces in Belarus", "Lida")
G = "Belarus"
add(G, 2, "by-6mech", "{ord} Bn, 6th Gds Mechanised Bde", "ru_mr_btg", "BLR 6th Gds Mech Bde", "Hrodna", nation="BLR", assumption="Belarusian battalions rated as Russian motor-rifle BTGs")
add(G, 2, "by-11mech", "{ord} Bn, 11th Gds Mechanised Bde", "ru_mr_btg", "BLR 11th Gds Mech Bde", (2, "belarus_staging_west"), nation="BLR", assumption="moves up from Slonim on the first day")
