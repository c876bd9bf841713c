"""The contract's closed value sets, each with the Dutch phrase a document or prompt shows."""

from __future__ import annotations

TAKEN = {
    "smal": "smal (alleen specialistische jeugdhulp)",
    "breed": "breed (integraal, inclusief voorveld en wijkteams)",
}

PARTNER_VORMEN = {
    "stichting": "stichting",
    "vereniging": "vereniging",
    "cooperatie": "coöperatie",
    "bv": "besloten vennootschap",
    "nv": "naamloze vennootschap",
    "overig": "overige rechtsvorm",
}

VORMEN = {
    "geen": "geen eigen rechtspersoon (samenwerkingsovereenkomst met penvoerder)",
    "vereniging": "vereniging",
    "cooperatie": "coöperatie U.A.",
    "stichting": "stichting",
    "bv": "besloten vennootschap (B.V.)",
}

STEMMODELLEN = {
    "gelijk": "ieder één stem",
    "naar_aandeel": "stemmen naar aandeel in de opdracht",
    "consent": "consent (aangenomen tenzij een overwegend bezwaar)",
}

BESLUITEN = {
    "begroting": "de vaststelling van de begroting",
    "jaarrekening": "de vaststelling van de jaarrekening",
    "meerjarenplan": "de vaststelling van het meerjarenplan",
    "verdeelsleutel": "de vaststelling en wijziging van de verdeelsleutel",
    "toetreding": "de toelating van een nieuwe partner",
    "uittreding": "de vaststelling van de voorwaarden van uittreding",
    "uitsluiting": "de uitsluiting van een partner",
    "benoeming_bestuur": "de benoeming en het ontslag van bestuurders",
    "hoofdovereenkomst": "het aangaan en wijzigen van de hoofdovereenkomst met de opdrachtgever",
    "statutenwijziging": "de wijziging van de statuten",
    "ontbinding": "de ontbinding",
}

IMPASSES = {
    "mediation": "mediation",
    "escalatie": "escalatie naar de bestuurders van de partners",
    "bindend_advies": "bindend advies",
}

RISICOVERDELINGEN = {
    "afgebakend": "afgebakend (vast aantal cliënten; extra volume komt voor de opdrachtgever)",
    "integraal": "integraal (alle cliënten in het werkgebied; extra volume komt voor het consortium)",
}

VERDELINGEN = {
    "verdeelsleutel": "een vaste verdeelsleutel",
    "capaciteit": "de toegezegde capaciteit in fte",
    "productie": "de productie binnen budgetplafonds",
}

VENTIELEN = {
    "volume": "volume",
    "zorgzwaarte": "zorgzwaarte",
    "wetgeving": "wijziging van wet- en regelgeving",
    "overmacht": "overmacht",
    "wachtlijst": "wachtlijsten",
    "indexatie": "indexatie",
}
VENTIELEN_MET_DREMPEL = ("volume", "zorgzwaarte")

TEKORTEN = {"naar_aandeel": "naar rato van het aandeel", "gelijk": "in gelijke delen"}

OVERSCHOTTEN = {
    "reserve": "toevoeging aan de reserve",
    "naar_aandeel": "uitkering naar rato van het aandeel",
    "herinvesteren": "herinvestering in de opdracht",
}

UITTREDING_PER = {"einde_boekjaar": "het einde van het boekjaar", "einde_looptijd": "het einde van de looptijd"}

VERGOEDINGEN = {
    "geen": "geen vergoeding",
    "aandeel_tekort": "het aandeel in een tekort",
    "vast_bedrag": "een vast bedrag",
}

TOETREDINGEN = {"unaniem": "met algemene stemmen", "gekwalificeerd": "met gekwalificeerde meerderheid"}

UITSLUITINGSGRONDEN = {
    "faillissement": "faillissement",
    "surseance": "surseance van betaling",
    "wanprestatie": "ernstige of herhaalde tekortkoming in de nakoming",
    "verlies_registratie": "verlies van een vereiste registratie of erkenning",
    "zeggenschapswijziging": "wijziging van zeggenschap",
    "integriteit": "een ernstige integriteitsschending",
}

TOEZICHTMODELLEN = {
    "getrapt": "getrapt toezicht via de eigen toezichthouders van de partners",
    "raad_van_toezicht": "een eigen raad van toezicht",
    "raad_van_commissarissen": "een eigen raad van commissarissen",
}
EIGEN_RAAD = ("raad_van_toezicht", "raad_van_commissarissen")

LEIDING = {
    "directeur_bestuurder": "een directeur-bestuurder",
    "directeur": "een directeur",
    "penvoerder": "de penvoerder",
}

KPIS = {
    "financien": "financiën",
    "unieke_clienten": "aantal unieke cliënten",
    "instroom_uitstroom": "instroom en uitstroom",
    "wachttijden": "wachttijden",
    "klachten": "klachten",
    "verwijzingen": "verwijzingen",
    "onderaannemers": "inzet van onderaannemers",
    "transformatie": "transformatiedoelen",
}

FREQUENTIES = {"maand": "maandelijks", "kwartaal": "per kwartaal", "halfjaar": "per halfjaar", "jaar": "jaarlijks"}

AVG_ROLLEN = {
    "gezamenlijk": "gezamenlijk verwerkingsverantwoordelijken (AVG art. 26)",
    "verwerker": "één partij verwerkt voor de anderen (AVG art. 28)",
}

UITWISSELINGEN = {
    "centraal": "één gedeeld cliëntdossier",
    "per_partner": "ieder een eigen dossier; het consortium aggregeert",
}

GESCHILROUTES = {
    "mediation_arbitrage": "mediation, daarna arbitrage",
    "mediation_rechter": "mediation, daarna de rechter",
    "rechter": "de bevoegde rechter",
}
