# ruff: noqa: E501 - cue tables are data, one phrase pattern a line
"""Cue phrases for reporting in Spanish, French and Portuguese (GUIDELINES.md §9).

Plain blocks of phrase patterns in the ``{a|b}`` syntax of ``lexicon.expand``; ``lexicon`` merges
them into its English tables, so every stage sees one vocabulary. General words only: verbs of
installing, contracting, trialling, suspending, denying; names of the technologies; the phrases
that present a company as a supplier.
"""

from __future__ import annotations

TECHNOLOGY: dict[str, str] = {
    "facial_recognition": """
        {reconnaissance faciale|reconocimiento facial|reconhecimento facial|identification faciale|identificación facial}
        {reconnaissance du visage|reconocimiento de rostros|reconhecimento de rostos|comparaison faciale}
    """,
    "video_surveillance": """
        {vidéosurveillance|vidéo-surveillance|videovigilancia|videovigilância|videomonitoramento|video vigilancia}
        {caméras|cámaras|câmeras|câmaras|caméra de surveillance|cámaras de seguridad|câmeras de segurança}
        {vidéoprotection|videoprotección|lecture automatique des plaques|lectura de matrículas|lectura de patentes|leitura de placas}
        {cámaras corporales|caméras-piétons|câmeras corporais}
    """,
    "safe_city": """
        {centre de commandement|centre de contrôle|centre de supervision|centre de coordination|centre de vidéosurveillance}
        {centro de comando|centro de mando|centro de control|centro de monitoreo|centro de monitoramento|centro integrado}
        {ville sûre|ville sécurisée|ciudad segura|cidade segura}
        {c4|c5|ecu 911|ecu-911}
        {centre national de vidéosurveillance|centro nacional de videovigilancia|centre national de commandement}
    """,
    "biometric_identification": """
        {empreintes digitales|huellas dactilares|huellas digitales|impressões digitais|biométrique|biométriques|biométrico|biométricos|biométrica|biométricas|biometria|biometría|biométrie}
        {carte d'identité biométrique|cédula biométrica|documento de identidad biométrico|passeport biométrique|pasaporte biométrico|passaporte biométrico}
        {reconnaissance de l'iris|reconocimiento de iris|reconhecimento de íris|reconnaissance vocale|reconocimiento de voz}
    """,
    "smart_policing": """
        {police prédictive|policía predictiva|policiamento preditivo|policía predictivo|patrullaje predictivo}
        {prédiction de la criminalité|predicción del delito|predicción de delitos|análisis delictivo|mapas del delito|mapeo del delito}
        {analyse criminelle|cartographie de la criminalité|análisis criminal|análise criminal|concentración de delitos|mancha criminal|manchas criminais|perfiles de sospechosos|perfis de suspeitos|profils de suspects}
    """,
    "social_media_monitoring": """
        {surveillance des réseaux sociaux|monitoreo de redes sociales|ciberpatrullaje|ciberpatrullajes|monitoramento de redes sociais}
        {interception des communications|interceptación de comunicaciones|interceptação de comunicações|écoutes téléphoniques|escuchas telefónicas}
        {logiciel espion|logiciels espions|software espía|programa espía|software espião}
    """,
    "big_data_platform": """
        {base de données|base de datos|banco de dados} {nationale|nacional|de la population|de población|biométrique}
        {registre national|registro nacional|fichier national|carte nationale d'identité|cédula de identidad|carnet de la patria}
        {megadatos|mégadonnées|macrodados|tarjetas inteligentes|cartes à puce|cartões inteligentes}
        {base de datos del|bases de datos del|cruzar informações|cruzar datos|croiser les données}
    """,
}

STATUS: dict[str, str] = {
    "denied": """
        {a démenti|dément|démenti|nié|nie avoir|negó|niega|desmintió|desmiente|negou|nega|desmentiu}
    """,
    "cancelled": """
        {suspendu|suspendue|suspendus|suspension|suspendió|suspendida|suspendido|suspensión|suspendeu|suspensa|suspenso|suspensão}
        {annulé|annulée|annulation|canceló|cancelado|cancelada|cancelación|cancelou|cancelamento|anulado|anulada}
        {interdit|interdite|prohibió|prohibido|proibiu|proibido|abandonné|abandonado|abandonada|résilié|rescindido}
    """,
    "pilot": """
        {projet pilote|phase pilote|expérimentation|expérimente|expérimenté|à titre expérimental}
        {proyecto piloto|plan piloto|prueba piloto|piloto|pruebas|en prueba|projeto piloto|projeto-piloto|teste|testes|em teste}
    """,
    "operational": """
        {inauguré|inaugurée|inauguré|inauguró|inaugurado|inaugurada|inaugurou|mis en service|mise en service|installé|installés|installée|installées}
        {instaló|instalado|instalados|instalada|instaladas|instalou|instalaram|déployé|déployés|déployée|desplegó|desplegado|desplegados|implantado|implantou|implementado|implementó}
        {en funcionamiento|en service|em funcionamento|en operación|em operação|opera desde|funciona desde|fonctionne depuis|opère|utilise|utilisent|utiliza|utilizan|utilizou}
        {a été installé|ont été installées|ont été installés|fue instalado|fueron instalados|fueron instaladas|foi instalado|foram instaladas|foram instalados}
        {mis en place|puesto en marcha|puso en marcha|lancé|lanzó|lançou|entré en service|entró en funcionamiento|entrou em funcionamento}
        {installe|installent|a installé|ont installé|déploie|déploient|a déployé|ont déployé|instala|instalan|instalaron|despliega|despliegan|desplegaron|desplegada|desplegadas|implementaron|implementada|implementadas|instalam|implanta|implantam|implantada|implantadas|implantados}
        {construit par|construite par|réalisé par|réalisée par|construido por|construida por|construído por|construída por}
        {équipé de|équipée de|équipés de|équipées de|doté de|dotée de|dotés de|dotées de|equipado con|equipada con|equipados con|equipadas con|equipado com|equipada com|equipados com|equipadas com}
        {réception officielle|réceptionné|réceptionne|remis à|remise à|remis aux|entregó|entregaron|entregado|entregada|entregou|entregaram|entregue|entregues}
        {opérationnel|opérationnelle|opérationnels|opérationnelles|operativo|operativa|operativos|operativas|operacional|operacionais|en uso|em uso}
    """,
    "contracted": """
        {a signé|ont signé|signé|signée|firmó|firmaron|firmado|firmada|assinou|assinaram|assinado|assinada}
        {contrat|contrato|acuerdo|convenio|marché attribué|adjudicó|adjudicado|adjudicada|adjudicación|attribué|remporté|ganó la licitación|ganó la contratación|venceu a licitação}
        {a acquis|adquirió|adquirido|adquiriu|compró|comprou|a acheté|commandé}
        {signés|signées|firmados|firmadas|assinados|assinadas|attribuée|attribués|attribuées|adjudicados|adjudicadas|contratou|contrataram|contratado|contratada|contrató|contrataron}
        {ont commandé|a commandé|acquis|acquise|adquiridos|adquiridas|compraron|compraram|comprado|comprada}
    """,
    "planned": """
        {prévoit|prévu|prévue|projette|envisage|prevé|previsto|prevista|planea|planifica|planeja|pretende|prevê|anunció|anunciou|annoncé}
        {licitación|licitação|appel d'offres|concurso público|protocole d'accord|memorando de entendimiento|memorando de entendimento|lettre d'intention}
        {va installer|va déployer|va a instalar|vai instalar|instalará|desplegará|implementará|será instalado|serán instalados|serão instaladas}
        {busca adquirir|busca contratar|pretende adquirir|procura adquirir|cherche à acquérir|souhaite acquérir}
        {sera déployé|sera déployée|seront déployés|seront déployées|sera installé|sera installée|seront installés|seront installées|sera mis en place|sera mise en place|vont installer|vont déployer|va être installé}
        {será desplegado|será desplegada|serán desplegados|serán desplegadas|será instalada|serán instaladas|va a desplegar|van a instalar|se instalarán|se desplegarán|se implementará}
        {será instalada|serão instalados|será implantado|será implantada|serão implantados|serão implantadas|vai implantar|vão instalar}
    """,
}

# "Smart city" in Spanish, French and Portuguese: weak cues, like the English ones.
SMART_CITY = """
    {ville intelligente|villes intelligentes|ciudad inteligente|ciudades inteligentes|cidade inteligente|cidades inteligentes}
"""

HEDGE = """
    {selon des sources|aurait|auraient|presuntamente|supuestamente|según fuentes|segundo fontes|supostamente}
"""

# Regular-expression alternatives: a name before one of these is presented as a supplier, a name
# after one of these too ("provisto por X", "la société X", "a empresa X").
SUPPLIER_VERBS = (
    r"instaló|instalou|a installé|suministró|forneceu|a fourni|fournit|provee|fornece|ganó|venceu|a remporté"
    r"|desarrolló|desenvolveu|a développé|implementó|implementou|a déployé|desplegó"
    r"|installe|installent|instala|instalan|instalam|suministra|construit|construyó|construiu"
    r"|gana|ganaron|vence|venceram|remporte|ont remporté|entregó|entregou|a livré|equipó|equipou|a équipé"
    r"|implantó|implantou|suministrará|fornecerá|fournira|instalará|installera"
    r"|(?:a|ont) été (?:retenue?s?|choisie?s?|sélectionnée?s?|désignée?s?)"
    r"|(?:fue|fueron|ha sido|han sido|foi|foram) (?:seleccionad|elegid|contratad|escolhid|selecionad)[ao]s?"
)
SUPPLIER_PREPS = (
    r"(?:provisto|provista|suministrado|suministrada|instalado|instalada|desarrollado|desarrollada|fornecido"
    r"|fornecida|desenvolvido|desenvolvida|fourni|fournie|installé|installée|développé|développée|réalisé"
    r"|réalisée|operado|operada|exploité|exploitée|construit|construite|construido|construida|construído"
    r"|construída|mis en œuvre|mise en œuvre|implementado|implementada|implantado|implantada|ejecutado"
    r"|ejecutada|executado|executada|realizado|realizada|remporté|remportée|ganado|ganada|vencido|vencida"
    r"|exécuté|exécutée"
    r")s?(?: [\w,]+){0,3}? (?:por|pela|pelo|par)"  # participles agree: "cámaras instaladas por"
    r"|(?:contrato|contrat|acuerdo|accord|convenio|convênio) (?:con|com|avec)"
    r"|(?:en alianza|en asociación|en partenariat|em parceria|en colaboración|en collaboration|em colaboração)"
    r" (?:con|avec|com)"
    # "adjudicó en 2017 a la Unión Temporal X", "attribué ... à l'américain X", "confiée à X"
    r"|(?:adjudic(?:ó|aron|ou|ado|ada|ados|adas)|attribu(?:é|ée|és|ées)|confi(?:é|ée|és|ées)|otorg(?:ó|ado|ada)"
    r"|outorg(?:ou|ado|ada)|atribuíd[oa])(?: [\w,'’]+){0,6}? (?:a|à|ao|al|au|aux)"
    r"|a cargo de|à la charge de|sous la responsabilité de"
    r"|(?:contrató|contrataron|ha contratado|han contratado|contratou|contrataram|a engagé|a recruté|eligió"
    r"|seleccionó|escolheu|selecionou|a choisi|a retenu|a sélectionné)"
    r"|(?:empresa |firma |société )?(?:vencedora|ganadora|adjudicataria|adjudicatária|adjudicatário"
    r"|adjudicataire|contratista|contratada|titulaire du marché)"
    r"|(?:(?:[Ll]a|[Ll]e|[Ee]l|[Aa]|[Oo]) |[Ll]['’])(?:empresa|firma|compañía|integradora|operadora|société"
    r"|entreprise|groupe|opérateur|companhia|grupo|fabricante|fabricant|multinacional|multinationale|start-?up"
    r"|consorcio|consórcio|consortium|proveedora|fornecedora|fournisseur|prestataire|estatal|équipementier"
    r"|intégrateur|constructeur)"
    # "avec son partenaire local X", "su socio X", "a sua parceira X": the role nouns of "its partner X"
    r"|(?:[Ss]on|[Ss]es|[Ll]eur|[Ll]eurs|[Ss]u|[Ss]us|[Ss]eu|[Ss]ua|[Ss]eus|[Ss]uas|[Ll]e|[Ee]l|[Oo]|[Aa]) "
    r"(?:partenaire|socio|socia|parceir[oa]|sous-traitant|subcontratista|subcontratad[oa]|subcontratante)s?"
)
# "la firme avait déjà installé", "la empresa china": the supplier the text last named.
ANAPHORA = (
    r"\b(?:[Ll]a|[Ll]e|[Ee]l|[Aa]|[Oo]) (?:firme|société|empresa|compañía|firma|companhia|multinacional"
    r"|multinationale|fabricante|fabricant|groupe|proveedora|fornecedora)\b(?! [A-ZÀ-Ý])"
    r"|\b[Ll]['’](?:entreprise|opérateur|équipementier|industriel)\b(?! [A-ZÀ-Ý])"
)
