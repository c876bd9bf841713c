"""The eleven Dutch district courts and the municipalities (and a few well-known places) in each
arrondissement, so that a forum clause names a court ("de rechtbank Gelderland"), never a place.

The table is not complete: it covers the larger municipalities of every arrondissement (Wet
herziening gerechtelijke kaart, in force 1 January 2013). A place that is not in it is refused
with a message that asks for the court's name, which is always accepted.
"""

from __future__ import annotations

import re
import unicodedata

RECHTBANKEN = ("Amsterdam", "Den Haag", "Gelderland", "Limburg", "Midden-Nederland", "Noord-Holland",
               "Noord-Nederland", "Oost-Brabant", "Overijssel", "Rotterdam", "Zeeland-West-Brabant")

_GEMEENTEN: dict[str, tuple[str, ...]] = {
    "Amsterdam": ("Amsterdam", "Amstelveen", "Aalsmeer", "Diemen", "Ouder-Amstel", "Uithoorn"),
    "Den Haag": ("Den Haag", "'s-Gravenhage", "Delft", "Leiden", "Zoetermeer", "Rijswijk",
                 "Leidschendam-Voorburg", "Westland", "Wassenaar", "Katwijk", "Noordwijk",
                 "Oegstgeest", "Leiderdorp", "Voorschoten", "Teylingen", "Pijnacker-Nootdorp",
                 "Alphen aan den Rijn", "Kaag en Braassem", "Hillegom", "Lisse", "Midden-Delfland"),
    "Gelderland": ("Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Tiel", "Culemborg", "West Betuwe",
                   "Geldermalsen", "Buren", "Neder-Betuwe", "Zaltbommel", "Maasdriel",
                   "West Maas en Waal", "Druten", "Wijchen", "Beuningen", "Lingewaard",
                   "Overbetuwe", "Renkum", "Rheden", "Wageningen", "Barneveld", "Harderwijk",
                   "Nunspeet", "Elburg", "Ermelo", "Putten", "Epe", "Heerde", "Zutphen",
                   "Lochem", "Doetinchem", "Winterswijk", "Aalten", "Oost Gelre", "Berkelland",
                   "Bronckhorst", "Montferland", "Oude IJsselstreek", "Duiven", "Zevenaar",
                   "Westervoort", "Voorst", "Brummen"),
    "Limburg": ("Maastricht", "Heerlen", "Kerkrade", "Landgraaf", "Brunssum", "Simpelveld",
                "Voerendaal", "Beekdaelen", "Sittard-Geleen", "Sittard", "Geleen", "Stein",
                "Beek", "Meerssen", "Valkenburg aan de Geul", "Gulpen-Wittem", "Eijsden-Margraten",
                "Vaals", "Roermond", "Venlo", "Venray", "Weert", "Echt-Susteren", "Roerdalen",
                "Maasgouw", "Leudal", "Nederweert", "Peel en Maas", "Horst aan de Maas",
                "Beesel", "Gennep", "Bergen (L)", "Mook en Middelaar"),
    "Midden-Nederland": ("Utrecht", "Amersfoort", "Zeist", "Nieuwegein", "Houten", "IJsselstein",
                         "Veenendaal", "Rhenen", "Wijk bij Duurstede",
                         "Utrechtse Heuvelrug", "De Bilt", "Bunnik", "Soest", "Baarn",
                         "Leusden", "Woudenberg", "Bunschoten", "Woerden", "Montfoort",
                         "Oudewater", "Lopik", "Stichtse Vecht", "De Ronde Venen", "Hilversum",
                         "Huizen", "Gooise Meren", "Blaricum", "Laren", "Wijdemeren", "Almere",
                         "Lelystad", "Dronten", "Zeewolde", "Noordoostpolder", "Urk"),
    "Noord-Holland": ("Haarlem", "Heemstede", "Bloemendaal", "Zandvoort", "Haarlemmermeer",
                      "Velsen", "Beverwijk", "Heemskerk", "Uitgeest", "Castricum", "Alkmaar",
                      "Heiloo", "Bergen (NH)", "Dijk en Waard", "Den Helder", "Schagen",
                      "Hollands Kroon", "Texel", "Hoorn", "Enkhuizen", "Medemblik", "Opmeer",
                      "Koggenland", "Drechterland", "Stede Broec", "Zaanstad", "Purmerend",
                      "Edam-Volendam", "Waterland", "Landsmeer", "Oostzaan", "Wormerland"),
    "Noord-Nederland": ("Groningen", "Leeuwarden", "Assen", "Emmen", "Hoogeveen", "Meppel",
                        "Coevorden", "Tynaarlo", "Aa en Hunze", "Midden-Drenthe", "Borger-Odoorn",
                        "De Wolden", "Westerveld", "Noordenveld", "Smallingerland", "Heerenveen",
                        "Súdwest-Fryslân", "Sneek", "Drachten", "Harlingen", "Waadhoeke",
                        "Noardeast-Fryslân", "De Fryske Marren", "Opsterland", "Ooststellingwerf",
                        "Weststellingwerf", "Tytsjerksteradiel", "Achtkarspelen", "Dantumadiel",
                        "Het Hogeland", "Eemsdelta", "Midden-Groningen", "Oldambt",
                        "Veendam", "Pekela", "Stadskanaal", "Westerwolde", "Westerkwartier"),
    "Oost-Brabant": ("Eindhoven", "'s-Hertogenbosch", "Den Bosch", "Helmond", "Oss", "Veldhoven",
                     "Best", "Son en Breugel", "Nuenen, Gerwen en Nederwetten", "Geldrop-Mierlo",
                     "Waalre", "Valkenswaard", "Heeze-Leende", "Cranendonck", "Eersel", "Bladel",
                     "Bergeijk", "Oirschot", "Reusel-De Mierden", "Reusel", "Boxtel", "Vught",
                     "Sint-Michielsgestel", "Meierijstad", "Bernheze", "Maashorst", "Uden",
                     "Land van Cuijk", "Boxmeer", "Deurne", "Asten", "Someren", "Laarbeek",
                     "Gemert-Bakel", "Boekel"),
    "Overijssel": ("Zwolle", "Enschede", "Deventer", "Almelo", "Hengelo", "Kampen", "Oldenzaal",
                   "Hardenberg", "Raalte", "Rijssen-Holten", "Haaksbergen", "Borne", "Losser",
                   "Dinkelland", "Tubbergen", "Twenterand", "Wierden", "Hof van Twente",
                   "Olst-Wijhe", "Dalfsen", "Ommen", "Staphorst", "Steenwijkerland",
                   "Zwartewaterland", "Hellendoorn"),
    "Rotterdam": ("Rotterdam", "Dordrecht", "Schiedam", "Vlaardingen", "Maassluis",
                  "Capelle aan den IJssel", "Krimpen aan den IJssel", "Barendrecht", "Ridderkerk",
                  "Albrandswaard", "Nissewaard", "Spijkenisse", "Voorne aan Zee",
                  "Zwijndrecht", "Papendrecht", "Sliedrecht", "Hendrik-Ido-Ambacht",
                  "Alblasserdam", "Hardinxveld-Giessendam", "Gorinchem", "Molenlanden",
                  "Hoeksche Waard", "Goeree-Overflakkee"),
    "Zeeland-West-Brabant": ("Breda", "Tilburg", "Middelburg", "Vlissingen", "Goes", "Terneuzen",
                             "Hulst", "Sluis", "Veere", "Schouwen-Duiveland", "Noord-Beveland",
                             "Borsele", "Kapelle", "Reimerswaal", "Tholen", "Bergen op Zoom",
                             "Roosendaal", "Etten-Leur", "Oosterhout", "Dongen", "Gilze en Rijen",
                             "Goirle", "Hilvarenbeek", "Oisterwijk",
                             "Zundert", "Rucphen", "Halderberge", "Moerdijk", "Drimmelen",
                             "Geertruidenberg", "Steenbergen", "Woensdrecht",
                             "Alphen-Chaam", "Baarle-Nassau"),
}


def _key(text: str) -> str:
    """Case, accents, hyphens and extra spaces do not matter when a name is looked up."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[\s\-]+", " ", plain).strip()


_COURTS = {_key(naam): naam for naam in RECHTBANKEN}
_PLACES = {_key(plaats): court for court, places in _GEMEENTEN.items() for plaats in places}
_PREFIX = re.compile(r"^(de\s+)?(rechtbank\s+)?(van\s+het\s+arrondissement\s+)?", re.IGNORECASE)


def rechtbank_naam(waarde: str) -> str | None:
    """'Tiel', 'Gelderland' or 'de rechtbank Gelderland' → 'Gelderland'; None when unknown."""
    rest = _key(_PREFIX.sub("", waarde.strip()))
    return _COURTS.get(rest) or _PLACES.get(rest)


def forum(waarde: str) -> str | None:
    """The court as a forum clause names it: 'de rechtbank Gelderland'; None when unknown."""
    naam = rechtbank_naam(waarde)
    return f"de rechtbank {naam}" if naam else None


def keuzes() -> str:
    return ", ".join(f"'rechtbank {naam}'" for naam in RECHTBANKEN)
