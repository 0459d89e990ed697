HEADER = """\
# Russian forces for a short-warning incursion into the Baltic states, 2016 (RAND's baseline era).
# Written with tools/place_units.py from tools/oob_specs/russia_2016.py, then the source of truth.
# RR-1253's own Red order of battle (its figures) was not reviewed (shared/reference/rand-baltic.md
# [U]); this force follows the public record of the Western Military District's units near the
# Baltic states in 2014-2016 and assumes a short-warning attack uses the units based within about
# 300 km of the border plus elements of the 1st Guards Tank Army moved up beforehand, about 26
# manoeuvre battalion tactical groups (BTGs) in all (assumption: two BTGs per brigade or regiment,
# the usual 2014-2016 generation rate of contract-manned units, Grau & Bartles 2016).
"""
COUNTRIES = ["RUS", "KGD"]
META = {
    "id": "russia-2016", "side": "red",
    "title": "Russia 2016: Western Military District forces for a short-warning Baltic incursion",
    "description": "6th Combined Arms Army, 76th Guards Air Assault Division, 1st Guards Tank Army elements, Kaliningrad (11th Army Corps / Baltic Fleet), with artillery, air defence and air.",
    "sources": {
        "rand2016": "Shlapak & Johnson, RAND RR-1253-A, 2016",
        "ref": "shared/reference/rand-baltic.md §4 (76th Gds Air Assault Div at Pskov; 6th CAA 25th and 138th MR brigades, 26th Missile Bde Luga; 1st GTA 2nd Gds MRD, 4th Gds TD; Kaliningrad 79th MR Bde, 7th MR Regt, 336th Naval Inf Bde, 152nd Missile Bde, S-400)",
        "iiss2016": "IISS, The Military Balance 2016",
        "grau2016": "Grau & Bartles, The Russian Way of War, FMSO 2016 (BTG organisation; generation of ~2 BTGs per brigade)",
        "kgd2014": "Dec 2014 Kaliningrad snap check: up to 9,000 personnel, 250 tanks/AFVs, ~100 guns and rocket launchers (General Staff, via rand-baltic.md §4)",
    },
    "air": {"day": 60, "night": 20, "source": "iiss2016 (6th Air and Air Defence Army: Su-34, Su-27SM3, Su-30SM, Su-24M regiments in the Western MD)",
            "assumption": "60 strike and fighter sorties per 12-hour day turn, a third of that by night, net of air-superiority tasks"},
}
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import adder

S = "ref; iiss2016"
UNITS = []
add = adder(UNITS, "RUS", S)

G = "6th Combined Arms Army (Leningrad region)"
add(G, 2, "ru-138mr", "{ord} BTG, 138th Gds Motor Rifle Bde", "ru_mr_btg", "6th CAA / 138th Gds MR Bde", "Kingisepp")
add(G, 2, "ru-25mr", "{ord} BTG, 25th Gds Motor Rifle Bde", "ru_mr_btg", "6th CAA / 25th Gds MR Bde", "Pskov")
add(G, 1, "ru-6caa-tk", "Tank BTG, 6th CAA (from 25th/138th Bdes' tank battalions)", "ru_tank_btg", "6th CAA", "Kingisepp",
    assumption="the two brigades' tank battalions grouped as one tank BTG")
add(G, 2, "ru-9art", "{ord} Bn, 9th Gds Artillery Bde", "ru_artillery", "6th CAA / 9th Gds Artillery Bde", "Kingisepp")
add(G, 1, "ru-6caa-rk", "Rocket Bn, 6th CAA (BM-27)", "ru_rocket", "6th CAA", "Pskov", assumption="one rocket battalion of the army's artillery")
add(G, 1, "ru-5ad", "5th AD Missile Bde (Buk)", "ru_sam_short", "6th CAA / 5th AD Missile Bde", "Kingisepp")
add(G, 1, "ru-6caa-recon", "Recon Bn, 6th CAA", "ru_recon", "6th CAA", "Kingisepp")
G = "76th Guards Air Assault Division (Pskov)"
add(G, 2, "ru-76-104", "{ord} BTG, 104th Gds Air Assault Regt", "ru_vdv_btg", "76th Gds Air Assault Div / 104th Regt", "Pskov")
add(G, 2, "ru-76-234", "{ord} BTG, 234th Gds Air Assault Regt", "ru_vdv_btg", "76th Gds Air Assault Div / 234th Regt", "Pskov")
add(G, 1, "ru-76-1140", "1140th Gds Artillery Regt", "ru_artillery", "76th Gds Air Assault Div", "Pskov")
add(G, 2, "ru-2sf", "{ord} Spetsnaz detachment, 2nd Spetsnaz Bde", "ru_spetsnaz", "2nd Separate Spetsnaz Bde (GRU)", "Pskov")
G = "1st Guards Tank Army elements (moved up before the attack)"
add(G, 2, "ru-4td-12tk", "{ord} BTG, 12th Gds Tank Regt", "ru_tank_btg", "1st GTA / 4th Gds Tank Div", "Ostrov",
    assumption="moved from Naro-Fominsk to the Ostrov area under cover of an exercise before H-hour")
add(G, 2, "ru-4td-13tk", "{ord} BTG, 13th Gds Tank Regt", "ru_tank_btg", "1st GTA / 4th Gds Tank Div", "Ostrov",
    assumption="moved up before H-hour, as the 12th Regt")
add(G, 2, "ru-4td-423mr", "{ord} BTG, 423rd Gds Motor Rifle Regt", "ru_mr_btg", "1st GTA / 4th Gds Tank Div", "Pskov",
    assumption="moved up before H-hour")
add(G, 1, "ru-4td-art", "275th SP Artillery Regt", "ru_artillery", "1st GTA / 4th Gds Tank Div", "Ostrov", assumption="moved up before H-hour")
add(G, 1, "ru-4td-ad", "538th AD Missile Regt (Tor/Buk)", "ru_sam_short", "1st GTA / 4th Gds Tank Div", "Ostrov", assumption="moved up before H-hour")
add(G, 2, "ru-2mrd-1mr", "{ord} BTG, 1st Gds Motor Rifle Regt", "ru_mr_btg", "1st GTA / 2nd Gds MRD", (2, "russia_east_edge"),
    assumption="arrives by road and rail from Alabino in the first day")
add(G, 2, "ru-2mrd-15mr", "{ord} BTG, 15th Gds Motor Rifle Regt", "ru_mr_btg", "1st GTA / 2nd Gds MRD", (3, "russia_east_edge"),
    assumption="arrives in the second 12 hours")
add(G, 1, "ru-2mrd-1tk", "BTG, 1st Gds Tank Regt", "ru_tank_btg", "1st GTA / 2nd Gds MRD", (3, "russia_east_edge"), assumption="arrives in the second 12 hours")
add(G, 2, "ru-6tk", "{ord} BTG, 6th Sep Tank Bde", "ru_tank_btg", "1st GTA / 6th Separate Tank Bde", (4, "russia_east_edge"),
    assumption="arrives from Mulino on the second day")
add(G, 1, "ru-1gta-rk", "Rocket Bn, 1st GTA (BM-30)", "ru_rocket", "1st GTA", (2, "russia_pskov_staging"), assumption="arrives with the first echelon")
G = "Kaliningrad: 11th Army Corps and Baltic Fleet"
add(G, 2, "ru-79mr", "{ord} BTG, 79th Gds Motor Rifle Bde", "ru_mr_btg", "11th Army Corps / 79th Gds MR Bde", "Gusev", source="ref; kgd2014")
add(G, 1, "ru-7mr", "BTG, 7th Gds Motor Rifle Regt", "ru_mr_btg", "11th Army Corps / 7th Gds MR Regt", "Kaliningrad", source="ref; kgd2014")
add(G, 2, "ru-336ni", "{ord} Bn, 336th Gds Naval Infantry Bde", "ru_naval_inf", "Baltic Fleet / 336th Gds Naval Inf Bde", "Baltiysk", source="ref; iiss2016")
add(G, 1, "ru-kgd-tk", "Tank Bn, 11th Army Corps", "ru_tank_btg", "11th Army Corps", "Gusev", source="kgd2014",
    assumption="the corps' separate tank battalion (250 tanks and AFVs reported in the 2014 snap check)")
add(G, 1, "ru-244art", "244th Artillery Bde (one group)", "ru_artillery", "11th Army Corps / 244th Artillery Bde", "Kaliningrad", source="ref; iiss2016")
add(G, 1, "ru-kgd-rk", "Rocket Bn, 244th Artillery Bde", "ru_rocket", "11th Army Corps / 244th Artillery Bde", "Chernyakhovsk", source="iiss2016")
add(G, 2, "ru-183ad", "{ord} S-400 Bn, 183rd AD Missile Regt", "ru_sam_long", "Baltic Fleet / 44th AD Division", "Kaliningrad", source="ref (S-400 in Kaliningrad); iiss2016")
add(G, 1, "ru-kgd-recon", "Recon Bn, 11th Army Corps", "ru_recon", "11th Army Corps", "Sovetsk", source="iiss2016")
G = "Mainland air defence umbrella"
add(G, 1, "ru-s400-spb", "S-400 Regt (St Petersburg)", "ru_sam_long", "6th Air and AD Army / 2nd AD Division", "Gatchina", source="iiss2016")
add(G, 1, "ru-s300-pskov", "S-300 Regt (Pskov / Ostrov)", "ru_sam_medium", "6th Air and AD Army / 32nd AD Division", "Ostrov", source="iiss2016",
    assumption="an S-300PS regiment covering Pskov and the approaches to Estonia and Latvia")
