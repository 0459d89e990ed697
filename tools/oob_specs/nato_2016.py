import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import adder
from baltic_2016 import baltic_units

HEADER = """\
# NATO forces in and near the Baltic states, 2016 (RAND's baseline posture), and what could arrive in
# the first days. Written with tools/place_units.py from tools/oob_specs/nato_2016.py, then the
# source of truth. Arrival turns assume a short-warning crisis in which NATO begins to move when
# the attack starts; scenario parameter warning_hours moves Blue arrivals earlier (docs/rules.md).
"""
COUNTRIES = ["EST", "LVA", "LTU", "POL"]
META = {
    "id": "nato-2016", "side": "blue",
    "title": "NATO 2016: Baltic national forces, the US rotational presence, first reinforcements",
    "description": "Estonian, Latvian and Lithuanian regular and volunteer forces; US 173rd Airborne companies; 2nd Cavalry Regiment Strykers and an airborne battalion arriving in the first days; Polish 15th Mechanised Brigade.",
    "sources": {
        "rand2016": "Shlapak & Johnson, RAND RR-1253-A, 2016 (NATO players typically deployed US airborne infantry into Riga and Tallinn)",
        "ref": "shared/reference/rand-baltic.md §4 (Baltic brigades; 173rd Airborne 600 troops to PL/LT/LV/EE 2014; 2nd Cavalry Regiment, Vilseck, Dragoon Ride 2015)",
        "iiss2016": "IISS, The Military Balance 2016",
    },
    "air": {"day": 80, "night": 30, "source": "iiss2016 (USAFE and allied fighter wings within range; Baltic Air Policing)",
            "assumption": "80 strike sorties per 12-hour day turn available over the Baltic states in the first days, 30 by night"},
}
UNITS = []
baltic_units(UNITS)
add = adder(UNITS, "USA", "ref; rand2016")
G = "United States (rotational presence and first reinforcements)"
add(G, 1, "us-173-atlres", "173rd Airborne Bde companies (Operation Atlantic Resolve)", "us_airborne", "US 173rd Airborne Bde", "Riga",
    steps=1, assumption="four rotational rifle companies in PL/LT/LV/EE grouped as one weak battalion")
add(G, 2, "us-173", "{ord} Bn, 503rd Infantry (Airborne)", "us_airborne", "US 173rd Airborne Bde", (2, "riga_airhead"),
    assumption="flown from Vicenza in the first day")
add(G, 1, "us-173-tln", "3rd Bn, 503rd Infantry (Airborne)", "us_airborne", "US 173rd Airborne Bde", (3, "tallinn_airhead"), assumption="flown in on day 2")
add(G, 3, "us-2cr", "{ord} Squadron, 2nd Cavalry Regiment (Stryker)", "us_stryker", "US 2nd Cavalry Regiment", (4, "poland_entry"),
    assumption="road march Vilseck to the Polish-Lithuanian border, about 1,200 km: two days")
add(G, 1, "us-2cr-fa", "Field Artillery Squadron, 2nd Cavalry Regiment", "nato_artillery", "US 2nd Cavalry Regiment", (5, "poland_entry"), assumption="follows the squadrons")
add(G, 1, "us-82-irf", "Immediate Response Force Bn, 82nd Airborne Div", "us_airborne", "US 82nd Airborne Div", (5, "vilnius_airhead"),
    assumption="the 18-hour-notice battalion, flown from Fort Bragg")
add = adder(UNITS, "POL", "iiss2016")
G = "Poland"
add(G, 2, "pl-15", "{ord} Mechanised Bn, 15th Mechanised Bde", "pl_mech", "POL 15th Mechanised Bde", "Giżycko",
    assumption="Poland commits its nearest brigade to the Suwałki gap and southern Lithuania")
add(G, 1, "pl-15-art", "Artillery Bn, 15th Mechanised Bde", "nato_artillery", "POL 15th Mechanised Bde", "Ełk")
