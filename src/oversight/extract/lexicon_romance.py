# ruff: noqa: E501 - cue tables are data, one phrase pattern a line
"""Cue phrases for reporting in Spanish, French and Portuguese (GUIDELINES.md §9).

Plain blocks of phrase patterns in the ``{a|b}`` syntax of ``lexicon.expand``; ``lexicon`` merges
them into its English tables, so every stage sees one vocabulary. General words only: verbs of
installing, contracting, trialling, suspending, denying; names of the technologies; the phrases
that present a company as a supplier.
"""

from __future__ import annotations

# Each technology's vocabulary in the three languages, one language a line group (es, fr, pt):
# the nouns and compounds the press uses for it, their plurals and feminine forms, and the
# verb phrases that name the act ("reconocer rostros"), checked against the definitions of
# schema.yaml and GUIDELINES.md §4. "Cámaras de reconocimiento facial" is the compound that English
# writes "facial recognition cameras": one facial_recognition cue, as in English.
TECHNOLOGY: dict[str, str] = {
    "facial_recognition": """
        reconocimiento {facial|de rostros|de caras|del rostro|biométrico facial}
        {identificación|verificación|detección|comparación|autenticación|biometría|analítica|análisis|coincidencia} facial
        identificación {de rostros|por rostro|biométrica facial}
        {reconocer|identificar|detectar} {rostros|caras|los rostros|las caras}
        {cámara|cámaras|videocámaras} de reconocimiento facial
        reconnaissance {faciale|du visage|des visages|de visages|biométrique faciale}
        {identification|authentification|vérification|détection|comparaison|analyse|biométrie} faciale{|s}
        {reconnaître|identifier|détecter} {les|des} visages
        {caméra|caméras} de reconnaissance faciale
        reconhecimento {facial|de rostos|de faces|biométrico facial|da face}
        {identificação|verificação|detecção|comparação|autenticação|biometria|análise} facial
        {reconhecer|identificar|detectar} {rostos|faces|os rostos}
        {câmera|câmeras|câmara|câmaras} de reconhecimento facial
    """,
    "video_surveillance": """
        {videovigilancia|video vigilancia|videocámara|videocámaras|videomonitoreo|videopatrullaje|cámaras}
        cámara {de seguridad|de vigilancia|de videovigilancia|corporal|térmica}
        cámaras {de seguridad|de vigilancia|corporales|térmicas}
        circuito cerrado de {televisión|cámaras|video|vídeo}
        {lectura|lectores|lector|reconocimiento} {de|automática de} {placas|matrículas|patentes}
        {videoanalítica|analítica de video|analítica de vídeo|análisis de video|análisis de vídeo}
        {drones|dron} {de vigilancia|con cámaras|con cámara|policiales|policial|para vigilancia|para vigilar|para monitorear}
        {televigilancia|lectoras de placas|lectoras de matrículas|lectora de placas|lectora de matrículas}
        {leer|lee|leen|leyendo|reconocer|reconoce|reconocen|identificar|identifica|identificación de|reconocimiento de} placas
        {vidéosurveillance|vidéoprotection|vidéo protection|vidéo surveillance|télésurveillance|vidéoverbalisation}
        {caméras|caméra} {de surveillance|de vidéoprotection|de vidéosurveillance|intelligente|intelligentes|thermique|thermiques|piéton|piétons|mobile|mobiles|nomade|nomades}
        {caméras|réseau de caméras}
        {lecture|lecteurs|lecteur} {automatique|automatiques} {de|des} plaques
        plaques d{'|’}immatriculation
        lapi
        {vidéo intelligente|vidéosurveillance algorithmique|vidéo algorithmique|analyse vidéo|vidéo analyse}
        {centre|centres} de supervision {urbain|urbaine|urbains}
        {drones|drone} de surveillance
        {drones|drone} {policiers|policier|équipés de caméras|équipé de caméras|avec caméras}
        {lire|lit|lisent|reconnaître|reconnaît|identifier|identifie} les plaques
        {videovigilância|videomonitoramento|videomonitorização|câmeras|câmaras}
        {câmera|câmara} {de segurança|de vigilância|de videomonitoramento|corporal|térmica}
        {câmeras|câmaras} {de segurança|de vigilância|corporais|térmicas}
        circuito fechado de {televisão|tv}
        cftv
        {leitura|leitores|leitor|reconhecimento} {de|automática de|automático de} placas
        cerco eletrônico
        {videoanálise|análise de vídeo|videoanalítica}
        {drones|drone} {de vigilância|com câmeras|com câmera|policiais|policial|para vigilância|para monitoramento}
        {televigilância|leitura de matrículas|leitores de matrículas}
        {ler|lê|leem|lendo|reconhecer|reconhece|reconhecem|identificar|identifica|identificação de} placas
    """,
    "safe_city": """
        {centro|centros} de {comando|mando} {|y control|, control}
        {centro|centros} {de control|integrado|integrados|de operaciones|de coordinación|de despacho|de emergencias}
        {centro|centros} de monitoreo {|urbano|integrado}
        sistema integrado de {seguridad|emergencias|videovigilancia}
        {sala|salas} de {comando|mando}
        {ciudad segura|ciudades seguras}
        {centre|centres} de {commandement|contrôle|coordination|commandement et de contrôle}
        {centre|centres} {opérationnel|intégré|d{'|’}opérations}
        {ville sûre|villes sûres|ville sécurisée|villes sécurisées}
        centre national de commandement
        {salle|salles} de commandement
        {centro|centros} de {comando|comando e controle|controle|operações|monitoramento|controle operacional}
        {centro|centros} integrado{|s} de {comando|segurança|operações}
        {cidade segura|cidades seguras}
        {c4|c5|c4i|c5i|ecu 911|ecu-911}
    """,
    "biometric_identification": """
        {biométrico|biométricos|biométrica|biométricas|biometría}
        {huellas|huella} {dactilares|digitales|dactilar|digital}
        {dactiloscopia|dactiloscópico|dactiloscópica}
        reconocimiento {de iris|del iris|de voz|de huellas}
        {base de datos|banco|bancos} {de adn|de perfiles genéticos|genético|genéticos}
        {biométrique|biométriques|biométrie}
        {empreintes|empreinte} {digitales|digitale|génétiques|génétique}
        reconnaissance {de l{'|’}iris|vocale|de la voix}
        {carte d{'|’}identité biométrique|passeport biométrique|passeports biométriques}
        {biometria|biométrico|biométricos|biométrica|biométricas}
        {multibiométrico|multibiométricos|multibiométrica|multibiométricas|multibiometría|multibiometria|multibiométrique|multibiométriques}
        {impressões|impressão} digita{is|l}
        reconhecimento {de íris|da íris|de voz|de digitais}
        {banco|bancos} de {perfis genéticos|dna|dados genéticos}
        {cédula biométrica|documento de identidad biométrico|pasaporte biométrico|passaporte biométrico}
    """,
    "smart_policing": """
        {policía|patrullaje|vigilancia|policiamiento} {predictiva|predictivo}
        {predicción|previsión} {del delito|de delitos|delictiva|del crimen|de crímenes}
        {análisis|analítica} {delictivo|delictiva|criminal|del delito}
        {mapa|mapas|mapeo|mapas de calor} del delito
        {concentración de delitos|perfiles de sospechosos}
        inteligencia policial
        {base|bases} de datos {policiales|policial|criminales|de antecedentes penales}
        análisis de vínculos
        {sistema|sistemas|plataforma|plataformas|software} de análisis de inteligencia
        {police|polices} {prédictive|prévisionnelle|prédictives}
        {prédiction|prévision} {de la criminalité|des crimes|de la délinquance}
        {analyse|cartographie} {criminelle|de la criminalité|de la délinquance}
        {renseignement criminel|profils de suspects}
        {fichier|fichiers} {de police|policiers|des antécédents judiciaires}
        analyse {de liens|des liens}
        {système|systèmes|plateforme|plateformes|logiciel} d{'|’}analyse du renseignement
        policiamento {preditivo|inteligente|orientado por dados}
        {predição|previsão} de {crimes|criminalidade|delitos}
        {análise|mapeamento} {criminal|de crimes|da criminalidade}
        {mancha criminal|manchas criminais|perfis de suspeitos}
        inteligência policial
        {bases|base} de dados {policiais|policial|criminais|criminal}
        {banco|bancos} de dados {policiais|policial|criminais|criminal}
        {bases policiais|análise de vínculos}
        {sistema|sistemas|plataforma|plataformas} de análise de inteligência
    """,
    "social_media_monitoring": """
        {monitoreo|monitorización|vigilancia|seguimiento|rastreo|ciberpatrullaje} de {redes sociales|las redes sociales|internet|comunicaciones|las comunicaciones}
        {ciberpatrullaje|ciberpatrullajes|ciberespionaje}
        {interceptación|intervención|interceptación legal} de {comunicaciones|llamadas|teléfonos|las comunicaciones}
        {escuchas|pinchazos|chuzadas} {telefónicas|ilegales}
        {software|programa|programas} espía
        espionaje {telefónico|digital|a periodistas|de periodistas|a opositores}
        surveillance {des réseaux sociaux|d{'|’}internet|des communications|des télécommunications}
        cybersurveillance
        {interception|interceptions} {des|de} communications
        écoutes {téléphoniques|illégales}
        {logiciel|logiciels} {espion|espions}
        espionnage {téléphonique|numérique|des journalistes|des opposants}
        monitoramento {de redes sociais|das redes sociais|da internet|de comunicações|de perfis}
        {interceptação|intercepção} {de comunicações|telefônica|telefónica|de chamadas}
        {escuta|escutas} {telefônica|telefônicas|telefónica|telefónicas|ilegais}
        {grampo|grampos} {telefônico|telefônicos}
        {software|programa} espião
        {espionagem|ciberespionagem} {digital|telefônica|de jornalistas|de opositores}
    """,
    "big_data_platform": """
        {base de datos|bases de datos} {nacional|nacionales|de la población|de población|centralizada|centralizadas|unificada|única|ciudadana}
        registro {nacional|único} de {población|personas|identificación}
        {cruce|cruzamiento|interconexión|fusión} de {datos|bases de datos}
        {plataforma|plataformas} de {datos|macrodatos|integración de datos}
        {plataforma|plataformas|software|herramienta|herramientas|sistema|sistemas} de análisis de datos
        {megadatos|macrodatos|crédito social|lago de datos|carnet de la patria|cédula de identidad}
        {base de datos del|bases de datos del|cruzar datos}
        {base|bases} de données {nationale|nationales|centralisée|centralisées|de la population|unique|unifiée|biométrique}
        {registre national|fichier national|fichier central|fichier centralisé|carte nationale d{'|’}identité}
        {croisement|interconnexion|fusion} {des données|de données|des fichiers|de fichiers}
        {croiser les données|mégadonnées|crédit social}
        {plateforme|plateformes} de données
        {plateforme|plateformes|logiciel|logiciels|outil|outils|système|systèmes} d{'|’}analyse de données
        {base|bases} de dados {nacional|nacionais|centralizada|centralizadas|unificada|da população|biométrica}
        {banco|bancos} de dados {nacional|nacionais|centralizado|centralizados|unificado|da população}
        {cadastro|registro} {nacional|único} {de pessoas|da população|de identificação|de cidadãos}
        {cruzamento|interconexão|integração|fusão} de {dados|bases de dados|informações}
        {cruzar informações|cruzar dados|macrodados|lago de dados}
        {plataforma|plataformas} de dados
        {plataforma|plataformas|software|ferramenta|ferramentas|sistema|sistemas} de análise de dados
        {tarjetas inteligentes|cartes à puce|cartões inteligentes}
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
        {pôs a funcionar|pôs em funcionamento|puso a funcionar|puso en funcionamiento|a mis en fonctionnement|mis en fonctionnement}
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
        {estudia|estudian|evalúa|evalúan|analiza la posibilidad|considera la posibilidad|estuda|estudam|avalia|avaliam|considera a possibilidade|étudie|étudient|évalue|réfléchit à|vise à|busca|buscan|procura|souhaite|quiere|quer}
        {el próximo año|l'année prochaine|no próximo ano|próximamente|prochainement|em breve|futuro sistema|futura red|futur système|future plateforme}
        {negocia|negocian|negociando|negociación|negociaciones|negoceia|negociam|negociação|negociações|négocie|négocient|négociation|négociations|en négociation|em negociação}
        {propuso|propone|proponen|propusieron|propuesta|propôs|propõe|propõem|proposta|a proposé|proposé|proposée|propose d'|proposition}
        {autoriza|autorizó|autorizada|autorizado|autorizados|autorizou|autorizar|aprova|aprovou|aprovo|aprobó|aprueba} {a usar|a utilizar|a instalar|a implantar|a instalação|a utilização|a implantação|o uso|el uso|la instalación|la utilización}
        {autorise|a autorisé|autorisé|autorisée|autorisés|approuve|a approuvé} {l'utilisation|l'installation|le déploiement|à utiliser|à installer|à déployer}
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
