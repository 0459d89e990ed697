import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import adder
from baltic_2016 import baltic_units

HEADER = """\
# RAND's recommended posture: "a force of about seven brigades, including three heavy armored
# brigades — adequately supported by airpower, land-based fires, and other enablers on the ground
# and ready to fight at the onset of hostilities" (RR-1253, key findings), plus the Baltic national
# forces. The split of the four other brigades (two Stryker/medium, two airborne/light) is this
# game's assumption; RAND does not name them. Written with tools/place_units.py from
# tools/oob_specs/nato_seven_brigades.py, then the source of truth.
#
# Brigades (counted by formation name; tests check it): heavy: US 1st ABCT, US 2nd ABCT,
# DEU Panzerbrigade; medium: US 2nd Cavalry Regiment, US 1st SBCT; light: US 173rd Airborne,
# UK 16 Air Assault = 7 brigades, 3 heavy.
"""
COUNTRIES = ["EST", "LVA", "LTU", "POL"]
META = {
    "id": "nato-seven-brigades", "side": "blue",
    "title": "NATO, RAND's posture: seven brigades (three heavy) ready at the onset, with fires and air, plus the Baltic forces",
    "description": "3 heavy armoured brigades, 2 Stryker brigades, 2 airborne brigades forward in Estonia, Latvia and Lithuania, each with its artillery; a rocket artillery battalion; Patriot; more air.",
    "sources": {
        "rand2016": "Shlapak & Johnson, RAND RR-1253-A, 2016: about seven brigades including three heavy armored brigades",
        "ref": "shared/reference/rand-baltic.md §2, §4 (ABCT 87 M1, 152 Bradley, 18 M109; Shlapak HASC testimony 2017)",
        "iiss2016": "IISS, The Military Balance 2016",
    },
    "air": {"day": 120, "night": 45, "source": "rand2016 ('adequately supported by airpower')",
            "assumption": "half again the 2016 sortie pool, from aircraft based forward before the crisis"},
}
UNITS = []
baltic_units(UNITS)
add = adder(UNITS, "USA", "rand2016; ref")
H = "Heavy armoured brigades"
add(H, 3, "us-1abct", "{ord} Combined Arms Bn, 1st ABCT", "us_cab", "US 1st Armored Brigade Combat Team", "Rakvere", assumption="RAND's posture: deployed forward; placement on the E20 Narva–Tallinn axis is this game's")
add(H, 1, "us-1abct-fa", "Field Artillery Bn, 1st ABCT", "nato_artillery", "US 1st Armored Brigade Combat Team", "Rakvere")
add(H, 3, "us-2abct", "{ord} Combined Arms Bn, 2nd ABCT", "us_cab", "US 2nd Armored Brigade Combat Team", "Rēzekne", assumption="placement in Latgale is this game's")
add(H, 1, "us-2abct-fa", "Field Artillery Bn, 2nd ABCT", "nato_artillery", "US 2nd Armored Brigade Combat Team", "Jēkabpils")
add(H, 2, "de-pzbde-tk", "{ord} Panzer Bn, German Panzerbrigade", "nato_tank", "DEU Panzerbrigade", "Kaunas", nation="DEU", assumption="the third heavy brigade is allied; German is this game's choice")
add(H, 1, "de-pzbde-pzg", "Panzergrenadier Bn, German Panzerbrigade", "nato_mech", "DEU Panzerbrigade", "Kaunas", nation="DEU")
add(H, 1, "de-pzbde-art", "Panzerartillerie Bn, German Panzerbrigade", "nato_artillery", "DEU Panzerbrigade", "Kaunas", nation="DEU")
M = "Medium (Stryker) brigades"
add(M, 3, "us-2cr", "{ord} Squadron, 2nd Cavalry Regiment (Stryker)", "us_stryker", "US 2nd Cavalry Regiment", "Valmiera")
add(M, 1, "us-2cr-fa", "Field Artillery Squadron, 2nd Cavalry Regiment", "nato_artillery", "US 2nd Cavalry Regiment", "Valmiera")
add(M, 3, "us-1sbct", "{ord} Stryker Infantry Bn, 1st SBCT", "us_stryker", "US 1st Stryker Brigade Combat Team", "Daugavpils")
add(M, 1, "us-1sbct-fa", "Field Artillery Bn, 1st SBCT", "nato_artillery", "US 1st Stryker Brigade Combat Team", "Daugavpils")
L = "Airborne / light brigades"
add(L, 3, "us-173", "{ord} Bn, 173rd Airborne Bde", "us_airborne", "US 173rd Airborne Bde", "Riga")
add(L, 3, "uk-16aa", "{ord} Bn, 16 Air Assault Bde", "us_airborne", "UK 16 Air Assault Bde", "Tallinn", nation="GBR", assumption="allied airborne brigade; British is this game's choice")
E = "Enablers"
add(E, 1, "us-mlrs", "MLRS Bn (M270)", "nato_rocket", "US Field Artillery Bde", "Sigulda")
add(E, 1, "us-patriot", "Patriot Bn", "nato_sam", "US Air Defense Artillery Bde", "Riga")
