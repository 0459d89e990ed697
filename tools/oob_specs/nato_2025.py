import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import adder

HEADER = """\
# NATO forces in and near the Baltic states, 2025: the eFP battlegroups grown toward brigades, the
# German 45th Panzer Brigade in Lithuania, larger Baltic forces, Finland and Sweden in NATO, and
# first reinforcements. Written with tools/place_units.py from tools/oob_specs/nato_2025.py.
"""
COUNTRIES = ["EST", "LVA", "LTU", "POL", "FIN", "SWE"]
META = {
    "id": "nato-2025", "side": "blue",
    "title": "NATO 2025: eFP brigades, German 45th Panzer Brigade, Baltic divisions and brigades, Finland and Sweden",
    "sources": {
        "ref": "shared/reference/rand-baltic.md §4 (eFP 2017: UK-Estonia Tapa, Canada-Latvia Ādaži, Germany-Lithuania Rukla; Madrid 2022 battalions to brigades; 45th Panzer Bde Litauen from 1 Apr 2025, 203rd Tank Bn, 122nd Armoured Inf Bn, a multinational eFP bn; Estonian division with 1st and 2nd Inf Bdes; Latvian Zemessardze 4 brigades; Lithuanian Iron Wolf, Žemaitija brigades)",
        "iiss2025": "IISS, The Military Balance 2025",
    },
    "air": {"day": 110, "night": 40, "source": "iiss2025 (F-35A in Finland, Norway, Denmark, the Netherlands, Poland arriving; Swedish Gripen; USAFE)",
            "assumption": "more and closer air than 2016: Finnish and Swedish bases"},
}
UNITS = []
add = adder(UNITS, "EST", "ref; iiss2025")
G = "Estonia: division with 1st and 2nd Infantry Brigades, Defence League, UK-led eFP"
add(G, 1, "ee-scouts", "Scouts Battalion (CV90)", "baltic_mech", "EST 1st Infantry Bde", "Tallinn")
add(G, 2, "ee-1bde", "{ord} Infantry Bn, 1st Infantry Bde (reserve)", "baltic_inf", "EST 1st Infantry Bde", "Rakvere")
add(G, 2, "ee-2bde", "{ord} Infantry Bn, 2nd Infantry Bde (Kuperjanov and reserve)", "baltic_inf", "EST 2nd Infantry Bde", "Võru")
add(G, 1, "ee-art", "Artillery Bn (K9 Thunder)", "nato_artillery", "EST Division", "Tapa")
add(G, 1, "ee-himars", "HIMARS Bn", "nato_rocket", "EST Division", "Paide")
add(G, 3, "ee-kl", "Defence League district {i}", "baltic_territorial", "EST Defence League", "Tartu")
add(G, 1, "uk-efp", "UK eFP battlegroup (Challenger 2, Warrior)", "nato_mech", "UK 4th Light Bde / eFP Estonia", "Tapa", nation="GBR")
add = adder(UNITS, "LVA", "ref; iiss2025")
G = "Latvia: Mechanised Infantry Brigade, 2nd Brigade, National Guard, Canada-led multinational brigade"
add(G, 2, "lv-mech", "{ord} Infantry Bn (ASCOD)", "baltic_mech", "LVA Mechanised Infantry Bde", "Riga")
add(G, 1, "lv-2bde", "Infantry Bn, 2nd Infantry Bde", "baltic_inf", "LVA 2nd Infantry Bde", "Rēzekne")
add(G, 1, "lv-art", "Artillery Bn (M109)", "nato_artillery", "LVA Mechanised Infantry Bde", "Riga")
add(G, 4, "lv-zs", "National Guard Brigade {i}", "baltic_territorial", "LVA National Guard", "Valmiera")
add(G, 1, "ca-efp", "Canadian mechanised Bn (LAV 6)", "nato_mech", "CAN-led Multinational Bde Latvia", "Sigulda", nation="CAN")
add(G, 1, "es-tk", "Spanish tank company group (Leopard 2E)", "nato_tank", "CAN-led Multinational Bde Latvia", "Sigulda", nation="ESP", steps=1)
add(G, 1, "se-mech", "Swedish mechanised Bn (CV90)", "nato_mech", "CAN-led Multinational Bde Latvia", "Valmiera", nation="SWE", source="iiss2025 (Sweden's contribution to the Canada-led brigade, 2025)")
add = adder(UNITS, "LTU", "ref; iiss2025")
G = "Lithuania: Iron Wolf and Žemaitija brigades, KASP, German 45th Panzer Brigade"
add(G, 4, "lt-ironwolf", "{ord} Mechanised Bn, Iron Wolf Bde", "baltic_mech", "LTU Iron Wolf Mech Bde", "Kaunas")
add(G, 2, "lt-zem", "{ord} Bn, Žemaitija Motorised Bde", "baltic_inf", "LTU Žemaitija Motorised Bde", "Taurage")
add(G, 1, "lt-art", "Artillery Bn (PzH 2000)", "nato_artillery", "LTU Iron Wolf Mech Bde", "Kaunas")
add(G, 3, "lt-kasp", "KASP district {i}", "baltic_territorial", "LTU National Defence Volunteer Forces", "Vilnius")
add(G, 1, "de-203", "Panzerbataillon 203", "nato_tank", "DEU 45th Panzer Bde Litauen", "Vilnius", nation="DEU", assumption="at Rūdninkai near Vilnius; full capability planned for 2027")
add(G, 1, "de-122", "Panzergrenadierbataillon 122 (Puma)", "nato_mech", "DEU 45th Panzer Bde Litauen", "Kaunas", nation="DEU")
add(G, 1, "de-efp", "Multinational eFP Bn", "nato_mech", "DEU 45th Panzer Bde Litauen", "Kaunas", nation="DEU")
add = adder(UNITS, "FIN", "iiss2025")
G = "Finland"
add(G, 2, "fi-guard", "{ord} Jaeger Bn, Guard Jaeger Regiment", "fin_jaeger", "FIN Guard Jaeger Regiment", (2, "finland_south_coast"),
    assumption="Finland sends readiness battalions over the Gulf of Finland to northern Estonia's defence only by sea and air; here they stand ready on the south coast")
add = adder(UNITS, "POL", "iiss2025")
G = "Poland"
add(G, 3, "pl-16div", "{ord} Mechanised Bn, 16th Mech Division", "pl_mech", "POL 16th Mechanised Division", "Suwałki", assumption="the division's 15th and 20th Brigades cover the Suwałki gap")
add(G, 1, "pl-16div-art", "Artillery Bn (Krab)", "nato_artillery", "POL 16th Mechanised Division", "Ełk")
add = adder(UNITS, "USA", "iiss2025")
G = "United States and first reinforcements"
add(G, 2, "us-abct", "{ord} Combined Arms Bn, rotational ABCT", "us_cab", "US rotational ABCT (Pabradė)", "Vilnius", assumption="one rotational ABCT battalion group in Lithuania, one in Poland moving up")
add(G, 2, "us-173", "{ord} Bn, 173rd Airborne Bde", "us_airborne", "US 173rd Airborne Bde", (2, "riga_airhead"), assumption="flown in on the first day")
add(G, 3, "us-2cr", "{ord} Squadron, 2nd Cavalry Regiment", "us_stryker", "US 2nd Cavalry Regiment", (3, "poland_entry"), assumption="pre-positioned in Poland: one day")
add(G, 1, "us-nasams", "NASAMS Bn (Lithuanian and Latvian batteries)", "nato_sam", "Baltic air defence", "Vilnius", nation="LTU")
