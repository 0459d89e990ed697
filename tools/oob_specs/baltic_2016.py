"""The three Baltic states' forces, 2016: included by nato_2016 and nato_seven_brigades."""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import adder

SRC = "ref; iiss2016"


def baltic_units(units):
    add = adder(units, "EST", SRC)
    G = "Estonia: 1st Infantry Brigade and Defence League (Kaitseliit)"
    add(G, 1, "ee-scouts", "Scouts Battalion (CV90 from 2016)", "baltic_mech", "EST 1st Infantry Bde", "Tallinn")
    add(G, 1, "ee-kalev", "Kalev Infantry Battalion", "baltic_inf", "EST 1st Infantry Bde", "Tapa")
    add(G, 1, "ee-viru", "Viru Infantry Battalion", "baltic_inf", "EST 1st Infantry Bde", "Jõhvi")
    add(G, 1, "ee-kuperjanov", "Kuperjanov Infantry Battalion", "baltic_inf", "EST 2nd Infantry Bde", "Võru")
    add(G, 1, "ee-art", "Artillery Battalion (FH-70, D-30)", "baltic_artillery", "EST 1st Infantry Bde", "Tapa")
    add(G, 1, "ee-kl-tallinn", "Defence League, Tallinn district", "baltic_territorial", "EST Defence League", "Tallinn")
    add(G, 1, "ee-kl-narva", "Defence League, Alutaguse and Viru districts", "baltic_territorial", "EST Defence League", "Narva")
    add(G, 1, "ee-kl-tartu", "Defence League, Tartu district", "baltic_territorial", "EST Defence League", "Tartu")
    add(G, 1, "ee-kl-parnu", "Defence League, Pärnu district", "baltic_territorial", "EST Defence League", "Pärnu")
    add = adder(units, "LVA", SRC)
    G = "Latvia: Mechanised Infantry Brigade and National Guard (Zemessardze)"
    add(G, 1, "lv-1inf", "1st Infantry Battalion", "baltic_inf", "LVA Mechanised Infantry Bde", "Riga")
    add(G, 1, "lv-2inf", "2nd Infantry Battalion", "baltic_inf", "LVA Mechanised Infantry Bde", "Sigulda")
    add(G, 1, "lv-art", "Artillery Battalion", "baltic_artillery", "LVA Mechanised Infantry Bde", "Riga")
    add(G, 1, "lv-zs-riga", "National Guard, 1st Riga Brigade", "baltic_territorial", "LVA National Guard", "Riga")
    add(G, 1, "lv-zs-vidzeme", "National Guard, 2nd Vidzeme Brigade", "baltic_territorial", "LVA National Guard", "Valmiera")
    add(G, 1, "lv-zs-latgale", "National Guard, 3rd Latgale Brigade", "baltic_territorial", "LVA National Guard", "Rēzekne")
    add(G, 1, "lv-zs-daugavpils", "National Guard, 3rd Latgale Brigade (Daugavpils)", "baltic_territorial", "LVA National Guard", "Daugavpils")
    add(G, 1, "lv-zs-kurzeme", "National Guard, 4th Kurzeme Brigade", "baltic_territorial", "LVA National Guard", "Jelgava")
    add = adder(units, "LTU", SRC)
    G = "Lithuania: Iron Wolf Mechanised Brigade, Žemaitija Motorised Brigade, KASP"
    add(G, 1, "lt-algirdas", "Grand Duke Algirdas Mechanised Battalion", "baltic_mech", "LTU Iron Wolf Mech Bde", "Kaunas")
    add(G, 1, "lt-vaidotas", "Duke Vaidotas Mechanised Battalion", "baltic_mech", "LTU Iron Wolf Mech Bde", "Kaunas")
    add(G, 1, "lt-birute", "Grand Duchess Birutė Uhlan Battalion", "baltic_mech", "LTU Iron Wolf Mech Bde", "Alytus")
    add(G, 1, "lt-mindaugas", "King Mindaugas Hussar Battalion", "baltic_mech", "LTU Iron Wolf Mech Bde", "Panevėžys")
    add(G, 1, "lt-art", "General Romualdas Giedraitis Artillery Battalion", "baltic_artillery", "LTU Iron Wolf Mech Bde", "Kaunas")
    add(G, 1, "lt-dragoon", "Grand Duke Butigeidis Dragoon Battalion", "baltic_inf", "LTU Žemaitija Motorised Bde", "Klaipėda")
    add(G, 1, "lt-kestutis", "Duke Kęstutis Battalion", "baltic_inf", "LTU Žemaitija Motorised Bde", "Taurage")
    add(G, 1, "lt-kasp-vilnius", "KASP Dainava / Vilnius district", "baltic_territorial", "LTU National Defence Volunteer Forces", "Vilnius")
    add(G, 1, "lt-kasp-kaunas", "KASP Prisikėlimo district", "baltic_territorial", "LTU National Defence Volunteer Forces", "Šiauliai")
    add(G, 1, "lt-kasp-dzukija", "KASP Dzūkija district", "baltic_territorial", "LTU National Defence Volunteer Forces", "Marijampolė")
