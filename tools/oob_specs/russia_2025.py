import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import adder

HEADER = """\
# Russian forces facing the Baltic states, 2025: the re-formed Leningrad Military District (26 Feb
# 2024) and the Kaliningrad 18th Guards Motor Rifle Division. Written with tools/place_units.py from
# tools/oob_specs/russia_2025.py, then the source of truth.
# ASSUMPTION: the war in Ukraine has absorbed most of the ground forces; the Estonian Foreign
# Intelligence Service (Feb 2024) counted ~19,000 troops near Estonia, "to roughly double". This file
# assumes the units are re-formed as divisions but at about two BTGs per regiment or brigade, with
# fewer tanks (more motor-rifle and fewer tank BTGs than 2016) and more artillery and drones.
"""
COUNTRIES = ["RUS", "KGD"]
META = {
    "id": "russia-2025", "side": "red",
    "title": "Russia 2025: Leningrad Military District and the Kaliningrad 18th Gds MR Division",
    "sources": {
        "ref": "shared/reference/rand-baltic.md §4 (Leningrad MD re-formed 26 Feb 2024, Decree No. 141; 6th CAA brigades to merge into a division; 18th Gds MRD in Kaliningrad: 79th MR Bde, 275th and 280th MR Regts, 11th Tank Regt; 76th VDV ~2,000 after Feb 2022, being rebuilt; Estonian FIS Feb 2024: ~19,000 near Estonia)",
        "iiss2025": "IISS, The Military Balance 2025",
    },
    "air": {"day": 50, "night": 20, "source": "iiss2025", "assumption": "fewer sorties than 2016: losses in Ukraine and commitments there"},
}
UNITS = []
add = adder(UNITS, "RUS", "ref; iiss2025")
G = "Leningrad Military District: 6th Combined Arms Army and 44th Army Corps"
add(G, 3, "ru-69mrd", "{ord} BTG, 69th Motor Rifle Div (ex-138th Bde)", "ru_mr_btg", "6th CAA / 69th MR Div", "Kingisepp", assumption="the 138th Bde re-formed as a division, 3 BTGs ready")
add(G, 2, "ru-25mr", "{ord} BTG, 25th Gds MR Bde", "ru_mr_btg", "6th CAA / 25th Gds MR Bde", "Pskov")
add(G, 1, "ru-6caa-tk", "Tank BTG, 6th CAA", "ru_tank_btg", "6th CAA", "Ostrov")
add(G, 3, "ru-6caa-art", "{ord} Bn, 9th Gds Artillery Bde", "ru_artillery", "6th CAA / 9th Gds Artillery Bde", "Kingisepp")
add(G, 1, "ru-6caa-rk", "Rocket Bn, 6th CAA (Tornado-S)", "ru_rocket", "6th CAA", "Pskov")
add(G, 1, "ru-6caa-ad", "AD Missile Bde (Buk-M3)", "ru_sam_short", "6th CAA", "Pskov")
add(G, 1, "ru-6caa-recon", "Recon and drone Bn, 6th CAA", "ru_recon", "6th CAA", "Kingisepp", assumption="drone reconnaissance grown from Ukraine experience")
G = "76th Guards Air Assault Division (being rebuilt)"
add(G, 3, "ru-76", "{ord} BTG, 76th Gds Air Assault Div", "ru_vdv_btg", "76th Gds Air Assault Div", "Pskov", assumption="rebuilt to about three ready BTGs by 2025")
add(G, 2, "ru-2sf", "{ord} Spetsnaz detachment, 2nd Spetsnaz Bde", "ru_spetsnaz", "2nd Separate Spetsnaz Bde (GRU)", "Pskov")
G = "Reinforcements from the Moscow Military District"
add(G, 2, "ru-mmd-tk", "{ord} Tank BTG, 1st Gds Tank Army", "ru_tank_btg", "Moscow MD / 1st GTA", (3, "russia_east_edge"), assumption="what the Moscow MD can spare in the first days")
add(G, 2, "ru-mmd-mr", "{ord} MR BTG, 1st Gds Tank Army", "ru_mr_btg", "Moscow MD / 1st GTA", (4, "russia_east_edge"), assumption="what the Moscow MD can spare in the first days")
G = "Kaliningrad: 11th Army Corps, 18th Guards Motor Rifle Division"
add(G, 2, "ru-18-79mr", "{ord} BTG, 79th Gds MR Bde / Regt", "ru_mr_btg", "11th AC / 18th Gds MRD", "Gusev")
add(G, 1, "ru-18-275mr", "BTG, 275th MR Regt", "ru_mr_btg", "11th AC / 18th Gds MRD", "Sovetsk")
add(G, 1, "ru-18-280mr", "BTG, 280th MR Regt", "ru_mr_btg", "11th AC / 18th Gds MRD", "Chernyakhovsk")
add(G, 1, "ru-18-11tk", "BTG, 11th Tank Regt", "ru_tank_btg", "11th AC / 18th Gds MRD", "Gusev")
add(G, 2, "ru-336ni", "{ord} Bn, 336th Gds Naval Infantry Bde", "ru_naval_inf", "Baltic Fleet / 336th Gds Naval Inf Bde", "Baltiysk")
add(G, 1, "ru-244art", "244th Artillery Bde", "ru_artillery", "11th AC / 244th Artillery Bde", "Kaliningrad")
add(G, 1, "ru-kgd-rk", "Rocket Bn, 244th Artillery Bde", "ru_rocket", "11th AC / 244th Artillery Bde", "Chernyakhovsk")
add(G, 2, "ru-183ad", "{ord} S-400 Bn, 183rd AD Missile Regt", "ru_sam_long", "Baltic Fleet / 44th AD Division", "Kaliningrad")
G = "Mainland air defence umbrella"
add(G, 1, "ru-s400-spb", "S-400 Regt (St Petersburg)", "ru_sam_long", "Leningrad MD / 6th Air and AD Army", "Gatchina")
add(G, 1, "ru-s400-pskov", "S-400 Regt (Pskov)", "ru_sam_long", "Leningrad MD / 6th Air and AD Army", "Ostrov", assumption="S-400 replaced S-300 near Pskov")
