"""The Lithuanian content of the demo workspace (`kplan demo`).

Pure data and no logic beyond assembling the plan tree: a draft of "Kauno miesto savivaldybės
strateginis plėtros planas iki 2030 m." written for the demo (the real plan is its model, not its
source), the nine working groups, names and organisations for the demo people, and the texts the
demo draws remarks, responses and meeting records from. None of the texts has placeholders.

The plan is kept as one flat tuple in plan order (`_SECTIONS`), which is easier to read and edit
than a deep tree; `PLAN` is built from it by codes: "1.2.3" is a child of "1.2", an indicator
"1.2-R1" is a child of "1.2", and the priorities are children of the vision (code "").
"""

from dataclasses import dataclass

PLAN_TITLE = "Kauno miesto savivaldybės strateginis plėtros planas iki 2030 m."
PLAN_PERIOD = "2023–2030"


@dataclass(frozen=True)
class DemoSection:
    """One node of the plan tree."""

    kind: str  # "vision" | "priority" | "goal" | "objective" | "measure" | "indicator"
    code: str  # "" for the vision; "1", "1.1", "1.1.1", "1.1.1.1"; indicators "1.1-R1"
    title: str
    body: str  # indicators: one sentence on how the indicator is measured
    group: str  # code of the responsible group (one of GROUPS)
    unit: str = ""  # indicators only: matavimo vienetas
    baseline: str = ""  # indicators only: pradinė reikšmė, e.g. "2022 m. – 41,2"
    target: str = ""  # indicators only: siektina reikšmė 2030 m.
    children: tuple["DemoSection", ...] = ()


@dataclass(frozen=True)
class DemoGroup:
    """A working group: eight thematic expert groups and one coordination group."""

    code: str
    name: str
    kind: str  # "thematic" | "coordination"
    mandate: str  # the group's nuostatai, in short


def walk(section: DemoSection) -> tuple[DemoSection, ...]:
    """The section and all its descendants, in plan order (pre-order)."""
    found = [section]
    for child in section.children:
        found.extend(walk(child))
    return tuple(found)


def _parent_code(code: str) -> str:
    if "-" in code:  # an indicator: "1.2-R1" belongs to "1.2"
        return code.split("-", 1)[0]
    return code.rsplit(".", 1)[0] if "." in code else ""


def _assemble(rows: tuple[DemoSection, ...]) -> DemoSection:
    """Build the tree from the flat rows: the first row is the root (the vision)."""
    children: dict[str, list[DemoSection]] = {row.code: [] for row in rows}
    for row in rows[1:]:
        children[_parent_code(row.code)].append(row)

    def build(row: DemoSection) -> DemoSection:
        return DemoSection(
            row.kind,
            row.code,
            row.title,
            row.body,
            row.group,
            row.unit,
            row.baseline,
            row.target,
            tuple(build(child) for child in children[row.code]),
        )

    return build(rows[0])


GROUPS: tuple[DemoGroup, ...] = (
    DemoGroup(
        "ekonomika",
        "Ekonomikos ir verslo plėtros ekspertų darbo grupė",
        "thematic",
        (
            "Darbo grupė teikia ekspertines išvadas ir pastabas dėl plano dalių, susijusių su "
            "investicijomis, verslo aplinka, darbo rinka ir Kauno laisvąja ekonomine zona. Ji "
            "vertina, ar numatytos priemonės iš tikrųjų gerina sąlygas verslui ir ar rodikliai "
            "atspindi miesto ekonomikos pokyčius. Grupę sudaro verslo asociacijų, universitetų, "
            "Kauno LEZ ir savivaldybės administracijos atstovai. Posėdžiai šaukiami ne rečiau kaip "
            "kartą per svarstymo etapą, sprendimai priimami dalyvaujančių narių balsų dauguma."
        ),
    ),
    DemoGroup(
        "svietimas",
        "Švietimo, mokslo ir inovacijų ekspertų darbo grupė",
        "thematic",
        (
            "Darbo grupė nagrinėja plano projekto dalis, susijusias su ikimokykliniu, bendruoju ir "
            "neformaliuoju švietimu, aukštosiomis mokyklomis ir mokslo bei verslo "
            "bendradarbiavimu. Ji teikia pasiūlymus dėl ugdymo įstaigų tinklo, talentų pritraukimo "
            "ir inovacijų skatinimo priemonių. Grupės darbe dalyvauja KTU, VDU, LSMU, kolegijų, "
            "mokyklų vadovų ir tėvų organizacijų atstovai. Įtraukiojo ugdymo klausimais grupė "
            "bendradarbiauja su Sveikatos ir socialinės apsaugos ekspertų darbo grupe."
        ),
    ),
    DemoGroup(
        "kultura",
        "Kultūros, turizmo ir sporto ekspertų darbo grupė",
        "thematic",
        (
            "Darbo grupė vertina plano nuostatas dėl kultūros įstaigų, kūrybinių industrijų, "
            "turizmo, kultūros paveldo ir sporto. Ji rūpinasi, kad Europos kultūros sostinės metų "
            "patirtis ir tarpukario modernizmo paveldas būtų tinkamai atspindėti plane. Grupę "
            "sudaro kultūros organizacijų, turizmo verslo, sporto klubų atstovai ir paveldosaugos "
            "specialistai. Pastabos teikiamos per svarstymo etapą, o ginčytini klausimai "
            "sprendžiami posėdyje."
        ),
    ),
    DemoGroup(
        "sveikata",
        "Sveikatos ir socialinės apsaugos ekspertų darbo grupė",
        "thematic",
        (
            "Darbo grupė nagrinėja plano dalis, susijusias su visuomenės sveikata, sveikatos "
            "priežiūros paslaugomis, socialinėmis paslaugomis ir socialiniu būstu. Ji teikia "
            "pasiūlymus, kaip mažinti sveikatos netolygumus ir socialinę atskirtį skirtingose "
            "seniūnijose. Grupėje dirba LSMU, gydymo įstaigų, socialinių paslaugų centrų ir "
            "neįgaliųjų organizacijų atstovai. Grupė įvertina kiekvienos savo srities priemonės "
            "poveikį pažeidžiamoms gyventojų grupėms."
        ),
    ),
    DemoGroup(
        "urbanistika",
        "Miesto aplinkos ir infrastruktūros ekspertų darbo grupė",
        "thematic",
        (
            "Darbo grupė vertina plano nuostatas dėl teritorijų planavimo, viešųjų erdvių, "
            "gyvenamųjų kvartalų atnaujinimo, kultūros paveldo pastatų ir inžinerinės "
            "infrastruktūros. Ji rūpinasi, kad plano sprendiniai derėtų su Kauno miesto bendruoju "
            "planu. Grupę sudaro architektai, urbanistai, statybos ir komunalinio ūkio "
            "specialistai bei bendruomenių atstovai. Grupės išvados dėl investicijų projektų "
            "teikiamos koordinacinei darbo grupei."
        ),
    ),
    DemoGroup(
        "judumas",
        "Darnaus judumo ir transporto ekspertų darbo grupė",
        "thematic",
        (
            "Darbo grupė nagrinėja plano dalis, susijusias su viešuoju transportu, dviračių ir "
            "pėsčiųjų infrastruktūra, eismo sauga ir gatvių tinklu. Ji vertina, ar plano nuostatos "
            "suderintos su Kauno miesto darnaus judumo planu. Grupę sudaro transporto inžinieriai, "
            "viešojo transporto operatorių, dviratininkų bendruomenės ir neįgaliųjų organizacijų "
            "atstovai. Sprendimai priimami balsų dauguma, o atskiroji nuomonė įrašoma į protokolą."
        ),
    ),
    DemoGroup(
        "klimatas",
        "Žaliosios aplinkos ir klimato kaitos ekspertų darbo grupė",
        "thematic",
        (
            "Darbo grupė vertina plano nuostatas dėl klimato kaitos švelninimo ir prisitaikymo "
            "prie jos, energetikos, atliekų tvarkymo, želdynų ir gamtos apsaugos. Ji tikrina, ar "
            "plano tikslai atitinka Kauno įsipareigojimus pagal Merų paktą. Grupę sudaro "
            "aplinkosaugos specialistai, energetikos įmonių, universitetų ir aplinkosauginių "
            "organizacijų atstovai. Grupė gali siūlyti papildomų rodiklių, kuriais matuojamas "
            "plano poveikis aplinkai."
        ),
    ),
    DemoGroup(
        "bendruomene",
        "Valdysenos, bendruomenių ir pilietinės visuomenės ekspertų darbo grupė",
        "thematic",
        (
            "Darbo grupė nagrinėja plano dalis, susijusias su savivaldybės valdymu, paslaugų "
            "skaitmeninimu, bendruomenių ir nevyriausybinių organizacijų stiprinimu, jaunimo "
            "politika ir viešuoju saugumu. Ji rūpinasi, kad gyventojų dalyvavimo principas būtų "
            "taikomas visame plane. Grupę sudaro bendruomeninių ir jaunimo organizacijų, NVO, "
            "seniūnijų ir policijos atstovai. Grupė taip pat teikia išvadas dėl plano viešųjų "
            "konsultacijų organizavimo."
        ),
    ),
    DemoGroup(
        "KDG",
        "Strateginio plėtros plano rengimo koordinacinė darbo grupė",
        "coordination",
        (
            "Koordinacinė darbo grupė vadovauja plano rengimui: tvirtina teminių darbo grupių "
            "sudėtį, svarstymo etapų tvarkaraštį ir plano struktūrą. Ji sprendžia klausimus, kurie "
            "liečia kelias temines sritis, ir derina prieštaringas darbo grupių išvadas. Grupei "
            "pirmininkauja savivaldybės administracijos direktoriaus pavaduotojas, o jos nariai "
            "yra teminių darbo grupių pirmininkai ir konsultantų atstovai. Koordinacinė darbo "
            "grupė teikia plano projektą svarstyti Kauno miesto savivaldybės tarybai."
        ),
    ),
)

# The draft plan, in plan order. Goals and objectives are followed by their indicators.
_SECTIONS: tuple[DemoSection, ...] = (
    DemoSection(
        "vision",
        "",
        "Vizija – Kaunas 2030",
        (
            "2030 m. Kaunas – sumanus, žalias ir atviras miestas, kuriame gera gyventi, mokytis, "
            "kurti ir dirbti. Nemuno ir Neries santakoje išaugęs miestas puoselėja tarpukario "
            "modernizmo paveldą ir kartu drąsiai kuria naujas technologijas, o jo universitetai, "
            "verslas ir bendruomenės veikia išvien. Gyventojų daugėja, nes čia kuriamos gerai "
            "apmokamos darbo vietos, pasiekiamos kokybiškos paslaugos ir saugi, patogi aplinka. "
            "Kaunas yra atsakingai valdomas miestas, kuris sprendimus priima kartu su gyventojais "
            "ir atvirai atsiskaito už rezultatus."
        ),
        "KDG",
    ),
    # 1. Sumani ekonomika ir talentų miestas
    DemoSection(
        "priority",
        "1",
        "Sumani ekonomika ir talentų miestas",
        (
            "Prioritetu siekiama, kad Kaunas taptų viena patraukliausių investicijų vietų Baltijos "
            "šalyse ir išlaikytų tvarų ekonomikos augimą. Miesto konkurencinis pranašumas – trys "
            "stiprūs universitetai, Kauno laisvoji ekonominė zona ir didelė inžinerinių "
            "specialybių absolventų pasiūla. Daugiausia dėmesio skiriama aukštos pridėtinės vertės "
            "veikloms, talentų pritraukimui ir kūrybinėms industrijoms, kurios po projekto „Kaunas "
            "– Europos kultūros sostinė 2022“ tapo svarbia miesto įvaizdžio dalimi."
        ),
        "KDG",
    ),
    DemoSection(
        "goal",
        "1.1",
        "Skatinti investicijas ir aukštos pridėtinės vertės verslo plėtrą",
        (
            "Per pastarąjį dešimtmetį Kaunas pritraukė ne vieną stambų gamybos ir paslaugų centrų "
            "investuotoją, tačiau investicijų vienam gyventojui čia vis dar gerokai mažiau nei "
            "Vilniuje. Tikslu siekiama, kad naujos investicijos kurtų gerai apmokamas darbo "
            "vietas, o vietos įmonės galėtų augti ir eksportuoti. Tam reikia parengtų teritorijų "
            "su inžineriniais tinklais, greito investuotojų aptarnavimo ir nuoseklios miesto "
            "rinkodaros."
        ),
        "ekonomika",
    ),
    DemoSection(
        "indicator",
        "1.1-R1",
        "Tiesioginės užsienio investicijos, tenkančios vienam gyventojui",
        (
            "Skaičiuojama pagal Valstybės duomenų agentūros duomenis: metų pabaigoje sukauptos "
            "tiesioginės užsienio investicijos savivaldybėje dalijamos iš nuolatinių gyventojų "
            "skaičiaus."
        ),
        "ekonomika",
        unit="Eur",
        baseline="2021 m. – 5 870",
        target="2030 m. – 9 000",
    ),
    DemoSection(
        "indicator",
        "1.1-R2",
        "Vidutinis mėnesinis bruto darbo užmokestis",
        (
            "Rodiklis skaičiuojamas kaip metų vidurkis pagal Valstybės duomenų agentūros "
            "ketvirtinius darbo užmokesčio duomenis Kauno miesto savivaldybėje."
        ),
        "ekonomika",
        unit="Eur",
        baseline="2022 m. – 1 724",
        target="2030 m. – 2 600",
    ),
    DemoSection(
        "objective",
        "1.1.1",
        "Pritraukti tiesiogines investicijas ir plėtoti Kauno laisvąją ekonominę zoną",
        (
            "Kauno LEZ teritorijoje beveik neliko laisvų sklypų su visa reikalinga infrastruktūra, "
            "todėl stambių projektų investuotojai vis dažniau renkasi kitus miestus. Uždaviniu "
            "numatoma kartu su LEZ valdymo bendrove rengti naujas pramonines teritorijas, gerinti "
            "jų susisiekimą ir sutrumpinti leidimų išdavimo laiką. Ypač laukiama investicijų į "
            "elektroniką, mechatroniką ir gyvybės mokslus."
        ),
        "ekonomika",
    ),
    DemoSection(
        "indicator",
        "1.1.1-R1",
        "Naujai pritrauktų investicijų projektų skaičius",
        (
            "Skaičiuojami projektai, dėl kurių investuotojas su savivaldybe ar agentūra „Kaunas "
            "IN“ pasirašė ketinimų protokolą ar sutartį ir kurie sukuria ne mažiau kaip 20 darbo "
            "vietų."
        ),
        "ekonomika",
        unit="vnt. per metus",
        baseline="2022 m. – 11",
        target="2030 m. – 18",
    ),
    DemoSection(
        "measure",
        "1.1.1.1",
        "Kauno LEZ ir pramoninių teritorijų inžinerinės infrastruktūros plėtra",
        (
            "Priemone finansuojamas gatvių, vandentiekio, nuotekų ir elektros tinklų tiesimas į "
            "naujus pramoninius sklypus prie Kauno LEZ ir magistralės A1. Darbai bus vykdomi "
            "etapais, pirmiausia parengiant teritorijas, kuriomis jau domisi investuotojai. "
            "Savivaldybė iš anksto derins projektus su skirstomųjų tinklų operatoriumi ir UAB "
            "„Kauno vandenys“, kad prisijungimo sąlygos būtų žinomos dar prieš parduodant sklypus."
        ),
        "ekonomika",
    ),
    DemoSection(
        "measure",
        "1.1.1.2",
        "Investuotojų aptarnavimo „vieno langelio“ paslauga",
        (
            "Agentūra „Kaunas IN“ kartu su administracijos skyriais paskirs investuotojui vieną "
            "kontaktinį asmenį, kuris lydės projektą nuo pirmojo susitikimo iki statybą "
            "leidžiančio dokumento. Bus nustatyti aiškūs atsakymo terminai, o kiekvieno procedūros "
            "žingsnio trukmė bus skelbiama viešai. Tikimasi, kad investicinio projekto derinimas "
            "savivaldybėje sutrumpės bent trečdaliu."
        ),
        "ekonomika",
    ),
    DemoSection(
        "measure",
        "1.1.1.3",
        "Apleistų pramoninių teritorijų konversija Šančiuose ir Vilijampolėje",
        (
            "Šančiuose, Vilijampolėje ir prie Jonavos gatvės tebestovi dešimtys hektarų "
            "neveikiančių pramonės teritorijų, kurios skaido miestą ir mažina aplinkinių kvartalų "
            "patrauklumą. Priemone bus parengtos šių teritorijų konversijos galimybių studijos ir "
            "detalieji planai, leidžiantys jose kurti mišrios paskirties kvartalus. Savivaldybė "
            "taip pat sieks susitarti su savininkais dėl užterštos žemės sutvarkymo ir viešųjų "
            "erdvių įrengimo."
        ),
        "urbanistika",
    ),
    DemoSection(
        "objective",
        "1.1.2",
        "Gerinti sąlygas smulkiajam ir vidutiniam verslui bei startuoliams",
        (
            "Didžioji dalis Kauno įmonių yra mažos, o jų augimą dažnai stabdo patalpų, "
            "kompetencijų ir pradinio finansavimo stoka. Uždavinys skirtas tam, kad naujos įmonės "
            "lengviau įsikurtų ir išgyventų pirmuosius trejus veiklos metus. Savivaldybė veiks "
            "kartu su universitetų mokslo ir technologijų parkais bei verslo asociacijomis, o ne "
            "kurs lygiagrečių struktūrų."
        ),
        "ekonomika",
    ),
    DemoSection(
        "indicator",
        "1.1.2-R1",
        "Veikiančių mažų ir vidutinių įmonių skaičius, tenkantis 1 000 gyventojų",
        (
            "Naudojami Valstybės duomenų agentūros metų pradžios duomenys apie veikiančias įmones, "
            "kuriose dirba iki 250 darbuotojų."
        ),
        "ekonomika",
        unit="vnt.",
        baseline="2022 m. – 38,4",
        target="2030 m. – 45,0",
    ),
    DemoSection(
        "measure",
        "1.1.2.1",
        "Verslo inkubatorių ir bendradarbystės erdvių tinklas",
        (
            "Bus plečiamos esamos inkubavimo erdvės Santakos slėnyje ir Kauno mokslo ir "
            "technologijų parke, o nenaudojami savivaldybės pastatai perduodami jaunoms įmonėms "
            "lengvatinėmis sąlygomis. Inkubuojamoms įmonėms bus teikiamos mentorių, teisininkų ir "
            "finansų specialistų konsultacijos. Atrankos kriterijai ir inkubatorių veiklos "
            "rezultatai bus skelbiami viešai."
        ),
        "ekonomika",
    ),
    DemoSection(
        "measure",
        "1.1.2.2",
        "Savivaldybės paslaugų verslui skaitmeninimas",
        (
            "Leidimai prekiauti viešosiose vietose, įrengti lauko kavines, reklamą ir atlikti "
            "kasinėjimo darbus bus išduodami per vieną elektroninę sistemą. Verslininkas galės "
            "stebėti prašymo eigą ir matyti, kuris specialistas jį nagrinėja. Priemonė sumažins "
            "popierinių dokumentų srautą ir leis savivaldybei nustatyti, kurios procedūros "
            "užtrunka ilgiausiai."
        ),
        "bendruomene",
    ),
    DemoSection(
        "goal",
        "1.2",
        "Ugdyti talentus ir stiprinti miesto žinių ekonomiką",
        (
            "Kaune studijuoja daugiau kaip 30 tūkst. studentų, tačiau nemaža dalis absolventų po "
            "studijų išvyksta į Vilnių ar užsienį. Tikslu siekiama sujungti universitetų mokslinį "
            "potencialą su miesto ekonomikos poreikiais ir paversti Kauną vieta, kurioje verta "
            "likti dirbti ir kurti šeimą. Svarbiausi partneriai – KTU, VDU, LSMU, Kauno kolegija "
            "ir Kauno technikos kolegija."
        ),
        "svietimas",
    ),
    DemoSection(
        "indicator",
        "1.2-R1",
        "Absolventų, likusių dirbti Kauno mieste, dalis",
        (
            "Apskaičiuojama pagal Švietimo valdymo informacinės sistemos ir „Sodros“ duomenis: "
            "kiek Kauno aukštųjų mokyklų absolventų dirba Kauno mieste praėjus metams po studijų "
            "baigimo."
        ),
        "svietimas",
        unit="proc.",
        baseline="2022 m. – 41,2",
        target="2030 m. – 55,0",
    ),
    DemoSection(
        "indicator",
        "1.2-R2",
        "Išlaidos moksliniams tyrimams ir eksperimentinei plėtrai Kauno regione",
        (
            "Naudojami Valstybės duomenų agentūros regioniniai MTEP išlaidų duomenys, palyginti su "
            "Kauno apskrities bendruoju vidaus produktu."
        ),
        "svietimas",
        unit="proc. BVP",
        baseline="2021 m. – 0,91",
        target="2030 m. – 1,50",
    ),
    DemoSection(
        "objective",
        "1.2.1",
        "Stiprinti universitetų, mokslo ir verslo bendradarbiavimą",
        (
            "Kaune veikia Santakos ir Nemuno slėniai, tačiau bendrų universitetų ir įmonių "
            "projektų vis dar mažai, o mokslo rezultatai retai virsta produktais. Uždaviniu "
            "siekiama, kad savivaldybė taptų tarpininke: padėtų užmegzti ryšius, finansuotų "
            "bandomuosius projektus ir leistų išbandyti sprendimus miesto infrastruktūroje. "
            "Miestas turi tapti vieta, kurioje inovacijos išbandomos realiomis sąlygomis."
        ),
        "svietimas",
    ),
    DemoSection(
        "indicator",
        "1.2.1-R1",
        "Savivaldybės remiamų mokslo ir verslo bendrų projektų skaičius",
        (
            "Skaičiuojami projektai, kuriems per metus skirta savivaldybės lėšų ir kuriuose "
            "dalyvauja bent viena aukštoji mokykla ir viena įmonė."
        ),
        "svietimas",
        unit="vnt. per metus",
        baseline="2022 m. – 6",
        target="2030 m. – 25",
    ),
    DemoSection(
        "measure",
        "1.2.1.1",
        "Miesto inovacijų bandymų aikštelės programa",
        (
            "Miesto gatvės, pastatai ir viešasis transportas bus atverti universitetų ir įmonių "
            "sprendimams išbandyti – nuo išmaniųjų šviesoforų iki oro kokybės jutiklių. Kasmet bus "
            "skelbiamas kvietimas, kuriame savivaldybės skyriai įvardys konkrečias problemas, o "
            "mokslininkų ir įmonių komandos pasiūlys sprendimus. Sėkmingi bandymai galės virsti "
            "ikiprekybiniais ar inovatyviais viešaisiais pirkimais."
        ),
        "svietimas",
    ),
    DemoSection(
        "measure",
        "1.2.1.2",
        "Inovacijų čekiai smulkiajam verslui",
        (
            "Mažos įmonės galės gauti nedidelę savivaldybės subsidiją mokslinei paslaugai iš Kauno "
            "aukštųjų mokyklų įsigyti: bandymams, prototipui ar rinkos tyrimui. Paraiškos forma "
            "bus paprasta, o sprendimas priimamas per 20 darbo dienų. Priemonė padės įmonėms pirmą "
            "kartą užmegzti ryšį su mokslininkais ir įvertinti, ar verta investuoti į didesnį "
            "bendrą projektą."
        ),
        "ekonomika",
    ),
    DemoSection(
        "measure",
        "1.2.1.3",
        "Studentų praktikos savivaldybės įstaigose ir įmonėse",
        (
            "Savivaldybės administracija, jos įmonės ir biudžetinės įstaigos kasmet siūlys "
            "apmokamas praktikos vietas studentams. Praktikos temos bus siejamos su realiais "
            "miesto uždaviniais: eismo duomenų analize, energijos vartojimo stebėsena, socialinių "
            "paslaugų planavimu. Taip jaunimas geriau pažins viešąjį sektorių, o dalis jaunų "
            "žmonių, tikimasi, jame liks dirbti."
        ),
        "svietimas",
    ),
    DemoSection(
        "objective",
        "1.2.2",
        "Pritraukti ir išlaikyti talentus",
        (
            "Kauno darbo rinkoje trūksta inžinierių, IT specialistų, gydytojų ir mokytojų, o "
            "demografinės tendencijos rodo, kad vietos jaunimo šiam poreikiui nepakaks. Uždavinys "
            "apima tiek Lietuvos regionų, tiek užsienio talentų pritraukimą ir jų šeimų "
            "integraciją. Ypač svarbu, kad atvykusieji greitai rastų būstą, vietą vaikams "
            "darželyje ar mokykloje ir bendruomenę."
        ),
        "svietimas",
    ),
    DemoSection(
        "indicator",
        "1.2.2-R1",
        "Užsienio studentų skaičius Kauno aukštosiose mokyklose",
        (
            "Imami Švietimo valdymo informacinės sistemos spalio 1 d. duomenys apie užsienio "
            "piliečius, studijuojančius Kauno universitetuose ir kolegijose."
        ),
        "svietimas",
        unit="asm.",
        baseline="2022 m. – 3 950",
        target="2030 m. – 6 500",
    ),
    DemoSection(
        "measure",
        "1.2.2.1",
        "Talentų pritraukimo programa „Rinkis Kauną“",
        (
            "Kartu su universitetais ir darbdaviais bus vykdoma bendra rinkodaros kampanija "
            "užsienio ir Lietuvos specialistams, pabrėžianti gyvenimo kokybę, trumpus atstumus ir "
            "prieinamą būstą. Programoje numatytas „minkštasis nusileidimas“: pagalba ieškant "
            "būsto, tvarkant dokumentus ir mokantis lietuvių kalbos. Rezultatai bus vertinami "
            "pagal atvykusių ir bent dvejus metus mieste pasilikusių specialistų skaičių."
        ),
        "ekonomika",
    ),
    DemoSection(
        "measure",
        "1.2.2.2",
        "Tarptautinio ugdymo plėtra ir atvykusiųjų šeimų integracija",
        (
            "Tarptautinės šeimos dažnai atsisako persikelti į Kauną, nes trūksta vietų ugdymo "
            "įstaigose, kuriose mokoma anglų kalba. Priemone bus plečiamos tarptautinio "
            "bakalaureato klasės savivaldybės mokyklose ir steigiamos lietuvių kalbos kursų grupės "
            "suaugusiesiems. Taip pat bus parengtas informacinis vadovas atvykusiesiems lietuvių "
            "ir anglų kalbomis."
        ),
        "svietimas",
    ),
    DemoSection(
        "goal",
        "1.3",
        "Plėtoti kultūros, turizmo ir renginių ekonomiką",
        (
            "Projektas „Kaunas – Europos kultūros sostinė 2022“ ir tarpukario modernizmo "
            "architektūros nominacija į UNESCO pasaulio paveldo sąrašą atvėrė naujų galimybių "
            "miesto turizmui. Tikslu siekiama šį postūmį paversti ilgalaike ekonomine nauda: "
            "ilgesniais turistų vizitais, gausesniais renginiais ir tvirtesnėmis kūrybinėmis "
            "įmonėmis. Kultūra čia suprantama ne tik kaip paslauga gyventojams, bet ir kaip darbo "
            "vietas kurianti ūkio šaka."
        ),
        "kultura",
    ),
    DemoSection(
        "indicator",
        "1.3-R1",
        "Turistų nakvynių skaičius apgyvendinimo įstaigose",
        (
            "Naudojami Valstybės duomenų agentūros duomenys apie visose Kauno miesto apgyvendinimo "
            "įstaigose per metus suteiktas nakvynes."
        ),
        "kultura",
        unit="tūkst. nakvynių",
        baseline="2022 m. – 712",
        target="2030 m. – 1 100",
    ),
    DemoSection(
        "indicator",
        "1.3-R2",
        "Kūrybinių industrijų įmonėse dirbančiųjų skaičius",
        (
            "Skaičiuojama pagal „Sodros“ duomenis apie apdraustuosius įmonėse, kurių pagrindinė "
            "veikla pagal EVRK kodus priskiriama kūrybinėms industrijoms."
        ),
        "kultura",
        unit="asm.",
        baseline="2021 m. – 7 300",
        target="2030 m. – 9 500",
    ),
    DemoSection(
        "objective",
        "1.3.1",
        "Didinti miesto žinomumą ir turistų srautus",
        (
            "Dauguma turistų Kaune praleidžia vos vieną ar dvi dienas, nes lankytinos vietos "
            "menkai susietos į nuoseklius maršrutus. Uždaviniu numatoma kurti teminius turizmo "
            "produktus, gerinti informaciją lankytojams ir pritraukti daugiau konferencijų bei "
            "tarptautinių renginių. Ypatingas dėmesys skiriamas užsienio rinkoms, iš kurių "
            "skrendama tiesiai į Kauno oro uostą."
        ),
        "kultura",
    ),
    DemoSection(
        "indicator",
        "1.3.1-R1",
        "Vidutinė turisto viešnagės trukmė",
        (
            "Apskaičiuojama kaip per kalendorinius metus apgyvendinimo įstaigose suteiktų nakvynių "
            "ir apgyvendintų svečių skaičiaus santykis."
        ),
        "kultura",
        unit="nakv.",
        baseline="2022 m. – 1,8",
        target="2030 m. – 2,3",
    ),
    DemoSection(
        "measure",
        "1.3.1.1",
        "Tarpukario modernizmo paveldo turistinis maršrutas",
        (
            "Bus sukurtas vientisas modernizmo architektūros maršrutas, jungiantis Laisvės alėją, "
            "Naujamiestį ir Žaliakalnį, su ženklinimu, garso gidu ir atvirų durų renginiais. "
            "Pastatų savininkai bus kviečiami dalyvauti programoje „Atviri modernizmo pastatai“ ir "
            "gauti paramą informaciniams ženklams ant fasadų. Maršrutas turi tapti pagrindiniu "
            "Kauno turizmo produktu užsienio rinkose."
        ),
        "kultura",
    ),
    DemoSection(
        "measure",
        "1.3.1.2",
        "Konferencijų ir renginių turizmo skatinimas",
        (
            "Žalgirio arena, Kauno sporto halė ir universitetų konferencijų salės leidžia rengti "
            "tarptautinius kongresus ir čempionatus, tačiau miestui trūksta bendros jų pritraukimo "
            "strategijos. Bus įsteigtas konferencijų biuras, kuris padės organizatoriams rengti "
            "paraiškas ir derinti apgyvendinimą. Pirmenybė bus teikiama renginiams, kurie ne "
            "turistinio sezono metu pritraukia daugiausia užsienio dalyvių."
        ),
        "kultura",
    ),
    DemoSection(
        "measure",
        "1.3.1.3",
        "Turizmo informacijos ir lankytojų aptarnavimo gerinimas",
        (
            "Turizmo informacijos centras bus perkeltas į lankytojams patogesnę vietą prie Rotušės "
            "aikštės, o pagrindinėse miesto vietose bus įrengti skaitmeniniai informaciniai "
            "stendai. Miesto turizmo svetainė ir mobilioji programėlė veiks bent penkiomis "
            "kalbomis. Taip pat bus sutvarkytas turistinių autobusų stovėjimas Senamiestyje, kad "
            "jie netrukdytų gyventojams."
        ),
        "kultura",
    ),
    DemoSection(
        "objective",
        "1.3.2",
        "Stiprinti kūrybines industrijas ir kultūros organizacijas",
        (
            "Po Europos kultūros sostinės metų Kaune liko daug naujų kultūros organizacijų ir "
            "iniciatyvų, tačiau jų finansavimas dažnai nutrūksta pasibaigus projektui. Uždaviniu "
            "siekiama užtikrinti joms tvaresnį pagrindą: ilgalaikes sutartis, prieinamas patalpas "
            "ir galimybę parduoti savo paslaugas. Kartu bus stiprinamas kultūros pasiekiamumas "
            "miesto pakraščių gyventojams."
        ),
        "kultura",
    ),
    DemoSection(
        "indicator",
        "1.3.2-R1",
        "Kultūros renginių apsilankymų skaičius, tenkantis 1 000 gyventojų",
        (
            "Skaičiuojama pagal savivaldybės kultūros įstaigų ir finansuotų projektų ataskaitose "
            "nurodytą lankytojų skaičių, padalytą iš gyventojų skaičiaus tūkstančiais."
        ),
        "kultura",
        unit="apsilankymai",
        baseline="2022 m. – 4 120",
        target="2030 m. – 4 800",
    ),
    DemoSection(
        "measure",
        "1.3.2.1",
        "Kūrybinių erdvių įrengimas buvusiuose pramonės pastatuose",
        (
            "Savivaldybė sieks, kad dalis konvertuojamų pramonės teritorijų Šančiuose ir "
            "Vilijampolėje būtų skirta dirbtuvėms, repeticijų salėms ir kūrybinėms įmonėms. "
            "Patalpos bus nuomojamos lengvatine kaina ilgam laikotarpiui, jei nuomininkas "
            "įsipareigos vykdyti atvirą veiklą bendruomenei. Pirmasis bandomasis objektas turėtų "
            "būti įrengtas 2025 m."
        ),
        "kultura",
    ),
    DemoSection(
        "measure",
        "1.3.2.2",
        "„Kaunas 2022“ tęstinumo programa",
        (
            "Programa užtikrins, kad svarbiausios Europos kultūros sostinės iniciatyvos – "
            "bendruomenių festivaliai, šiuolaikinio meno projektai ir modernizmo paveldo edukacija "
            "– tęstųsi ir po 2022 m. Organizacijoms, pasiekusioms geriausių rezultatų, bus "
            "skiriamas daugiametis finansavimas. Programos įgyvendinimą prižiūrės atnaujinta Kauno "
            "miesto kultūros taryba."
        ),
        "kultura",
    ),
    # 2. Išsilavinusi, sveika ir solidari bendruomenė
    DemoSection(
        "priority",
        "2",
        "Išsilavinusi, sveika ir solidari bendruomenė",
        (
            "Šis prioritetas skirtas žmonėms: vaikams, kuriems reikia kokybiško ugdymo, "
            "gyventojams, norintiems ilgiau išlikti sveikiems, ir tiems, kuriems reikia "
            "bendruomenės pagalbos. Kauno gyventojai sensta, o kai kuriuose mikrorajonuose "
            "socialinė atskirtis išlieka didelė, todėl paslaugos turi būti arti žmonių ir "
            "lanksčios. Planuojant švietimo, sveikatos ir socialines paslaugas pirmenybė teikiama "
            "prevencijai ir bendruomeninėms paslaugoms, o ne didelėms institucijoms."
        ),
        "KDG",
    ),
    DemoSection(
        "goal",
        "2.1",
        "Užtikrinti kokybišką ir visiems prieinamą švietimą",
        (
            "Kauno mokinių pasiekimai yra aukštesni už šalies vidurkį, tačiau skirtumai tarp "
            "mokyklų išlieka dideli, o naujai statomuose kvartaluose trūksta vietų darželiuose. "
            "Tikslu siekiama, kad kiekvienas vaikas netoli namų turėtų kokybišką ugdymo įstaigą ir "
            "gautų reikiamą pagalbą. Daug dėmesio skiriama mokytojų kompetencijoms, įtraukiajam "
            "ugdymui ir mokyklų pastatų atnaujinimui."
        ),
        "svietimas",
    ),
    DemoSection(
        "indicator",
        "2.1-R1",
        "Aštuntokų, pasiekusių bent pagrindinį matematikos pasiekimų lygį, dalis",
        (
            "Skaičiuojama pagal Nacionalinės švietimo agentūros nacionalinio mokinių pasiekimų "
            "patikrinimo rezultatus Kauno miesto bendrojo ugdymo mokyklose."
        ),
        "svietimas",
        unit="proc.",
        baseline="2022 m. – 62,5",
        target="2030 m. – 75,0",
    ),
    DemoSection(
        "indicator",
        "2.1-R2",
        "3–6 metų vaikų, lankančių ikimokyklinio ugdymo įstaigas, dalis",
        (
            "Apskaičiuojama kaip ikimokyklinio ir priešmokyklinio ugdymo įstaigas lankančių 3–6 "
            "metų vaikų ir visų tokio amžiaus Kaune gyvenančių vaikų skaičiaus santykis."
        ),
        "svietimas",
        unit="proc.",
        baseline="2022 m. – 89,4",
        target="2030 m. – 96,0",
    ),
    DemoSection(
        "objective",
        "2.1.1",
        "Plėsti ikimokyklinio ugdymo prieinamumą",
        (
            "Sparčiai augančiuose Aleksoto, Romainių, Kleboniškio ir Petrašiūnų kvartaluose eilės "
            "į darželius kasmet ilgėja, o senuosiuose mikrorajonuose dalis grupių nėra pilnos. "
            "Uždaviniu numatoma statyti naujus lopšelius-darželius ten, kur vietų labiausiai "
            "trūksta, ir lanksčiau perskirstyti esamas vietas. Taip pat bus skatinamas privačių "
            "ugdymo įstaigų steigimas, mokant joms savivaldybės priemoką už vaiko ugdymą."
        ),
        "svietimas",
    ),
    DemoSection(
        "indicator",
        "2.1.1-R1",
        "Vaikų, laukiančių vietos savivaldybės ikimokyklinio ugdymo įstaigoje, skaičius",
        (
            "Imami elektroninės vaikų priėmimo sistemos rugsėjo 1 d. duomenys apie vaikus, kuriems "
            "nepasiūlyta vieta pageidaujamoje seniūnijoje."
        ),
        "svietimas",
        unit="vaikai",
        baseline="2022 m. – 1 480",
        target="2030 m. – 200",
    ),
    DemoSection(
        "measure",
        "2.1.1.1",
        "Naujų lopšelių-darželių statyba ir esamų plėtra",
        (
            "Numatoma pastatyti ne mažiau kaip tris naujus lopšelius-darželius Aleksote, "
            "Romainiuose ir Petrašiūnuose ir išplėsti dviejų veikiančių įstaigų pastatus. "
            "Projektai bus rengiami pagal pavyzdinį energiškai efektyvaus darželio projektą, kad "
            "statyba būtų greitesnė ir pigesnė. Dalį statybų ketinama finansuoti viešojo ir "
            "privataus sektorių partnerystės būdu."
        ),
        "svietimas",
    ),
    DemoSection(
        "measure",
        "2.1.1.2",
        "Priėmimo į ikimokyklinio ugdymo įstaigas tvarkos tobulinimas",
        (
            "Elektroninė priėmimo sistema bus papildyta galimybe realiuoju laiku matyti laisvas "
            "vietas ir keistis vietomis tarp įstaigų. Pirmumo kriterijai bus peržiūrėti, kad vietą "
            "artimiausiame darželyje pirmiausia gautų toje seniūnijoje gyvenamąją vietą deklaravę "
            "vaikai. Tėvai gaus pranešimus apie kiekvieną eilės pokytį."
        ),
        "svietimas",
    ),
    DemoSection(
        "objective",
        "2.1.2",
        "Gerinti bendrojo ugdymo kokybę ir mokyklų aplinką",
        (
            "Daug Kauno mokyklų pastatų statyta sovietmečiu, juose trūksta šiuolaikinių "
            "laboratorijų, sporto aikštynų ir pritaikymo specialiųjų poreikių mokiniams. Uždaviniu "
            "siekiama sumažinti mokyklų pasiekimų atotrūkį ir sukurti sąlygas įtraukiajam ugdymui. "
            "Investicijos bus siejamos su mokyklų tinklo pertvarka, kad lėšos atitektų ilgai "
            "veiksiančioms mokykloms."
        ),
        "svietimas",
    ),
    DemoSection(
        "indicator",
        "2.1.2-R1",
        "Modernizuotų bendrojo ugdymo mokyklų dalis",
        (
            "Skaičiuojama, kiek savivaldybės bendrojo ugdymo mokyklų pastatų atnaujinta pagal "
            "šiuolaikinių ugdymo erdvių aprašą, palyginti su visu mokyklų skaičiumi."
        ),
        "svietimas",
        unit="proc.",
        baseline="2022 m. – 34",
        target="2030 m. – 70",
    ),
    DemoSection(
        "measure",
        "2.1.2.1",
        "STEAM atviros prieigos centrų tinklas",
        (
            "Greta veikiančio Kauno STEAM centro bus įrengti mažesni gamtos mokslų ir technologijų "
            "centrai Šilainiuose, Dainavoje ir Aleksote, kuriais galės naudotis visos aplinkinės "
            "mokyklos. Užsiėmimus centruose ves mokytojai kartu su KTU ir VDU dėstytojais. Po "
            "pamokų mokiniai galės lankyti inžinerijos, robotikos ir programavimo būrelius."
        ),
        "svietimas",
    ),
    DemoSection(
        "measure",
        "2.1.2.2",
        "Mokyklų pastatų ir sporto aikštynų modernizavimas",
        (
            "Bus atnaujinamos mokyklų klasės, valgyklos ir sanitariniai mazgai, o sporto aikštynai "
            "pritaikomi ir bendruomenės reikmėms po pamokų. Kiekvienam modernizuojamam pastatui "
            "bus parengtas energinio efektyvumo ir prieinamumo žmonėms su negalia sprendinių "
            "planas. Darbų eilė bus sudaroma pagal viešai skelbiamą pastatų techninės būklės "
            "vertinimą."
        ),
        "svietimas",
    ),
    DemoSection(
        "measure",
        "2.1.2.3",
        "Švietimo pagalbos specialistų tinklo stiprinimas",
        (
            "Kiekvienoje mokykloje turi dirbti psichologas, socialinis pedagogas, specialusis "
            "pedagogas ir tiek mokytojo padėjėjų, kiek reikia pagal mokinių poreikius. Savivaldybė "
            "papildomai finansuos specialistų etatus ir jų kvalifikacijos tobulinimą, ypač "
            "įtraukiojo ugdymo srityje. Kauno pedagogų kvalifikacijos centras organizuos mokymus "
            "mokytojams, dirbantiems su įvairių poreikių vaikais."
        ),
        "svietimas",
    ),
    DemoSection(
        "goal",
        "2.2",
        "Stiprinti gyventojų sveikatą ir sveikatos priežiūros prieinamumą",
        (
            "Vidutinė tikėtina kauniečių gyvenimo trukmė pastaraisiais metais ilgėjo, tačiau vyrų "
            "ir moterų gyvenimo trukmės skirtumas bei mirtingumas nuo širdies ir kraujagyslių ligų "
            "išlieka dideli. Tikslu siekiama daugiau dėmesio skirti ligų prevencijai, fiziniam "
            "aktyvumui ir psichikos sveikatai. Mieste veikia LSMU Kauno klinikos – didžiausia "
            "gydymo įstaiga Baltijos šalyse, todėl svarbu sklandžiai sujungti pirminę priežiūrą su "
            "specializuota pagalba."
        ),
        "sveikata",
    ),
    DemoSection(
        "indicator",
        "2.2-R1",
        "Vidutinė tikėtina gyvenimo trukmė",
        (
            "Naudojami Valstybės duomenų agentūros skaičiavimai, grindžiami Kauno miesto gyventojų "
            "mirtingumo lentelėmis."
        ),
        "sveikata",
        unit="metai",
        baseline="2022 m. – 76,4",
        target="2030 m. – 79,0",
    ),
    DemoSection(
        "indicator",
        "2.2-R2",
        "Išvengiamas mirtingumas 100 000 gyventojų",
        (
            "Rodiklis imamas iš Higienos instituto skelbiamo savivaldybių visuomenės sveikatos "
            "stebėsenos profilio."
        ),
        "sveikata",
        unit="atvejai",
        baseline="2021 m. – 585",
        target="2030 m. – 450",
    ),
    DemoSection(
        "objective",
        "2.2.1",
        "Stiprinti ligų prevenciją ir skatinti sveiką gyvenseną",
        (
            "Daugelį lėtinių ligų rizikos veiksnių – mažą fizinį aktyvumą, rūkymą, nesveiką mitybą "
            "– galima mažinti ir miesto lygmeniu. Uždaviniu numatoma plėsti Kauno miesto "
            "visuomenės sveikatos biuro programas, didinti prevencinių patikrų aprėptį ir kurti "
            "sveikatai palankią aplinką. Ypač svarbu pasiekti vyresnio amžiaus vyrus ir mažas "
            "pajamas gaunančius gyventojus, kurie retai dalyvauja prevencinėse programose."
        ),
        "sveikata",
    ),
    DemoSection(
        "indicator",
        "2.2.1-R1",
        "Tikslinės grupės gyventojų, dalyvavusių prevencinėse programose, dalis",
        (
            "Apskaičiuojama pagal Valstybinės ligonių kasos duomenis apie širdies ir kraujagyslių "
            "ligų, storosios žarnos ir krūties vėžio prevencinių programų aprėptį."
        ),
        "sveikata",
        unit="proc.",
        baseline="2022 m. – 48,7",
        target="2030 m. – 65,0",
    ),
    DemoSection(
        "measure",
        "2.2.1.1",
        "Sveikatos stiprinimo programos bendruomenėse",
        (
            "Visuomenės sveikatos biuras organizuos nemokamus mankštos, mitybos ir streso valdymo "
            "užsiėmimus seniūnijose, bendruomenių namuose ir darbovietėse. Su šeimos gydytojais "
            "bus susitarta, kad jie pacientus tiesiogiai nukreiptų į šias programas. Programų "
            "poveikis bus vertinamas kartu su LSMU Visuomenės sveikatos fakultetu."
        ),
        "sveikata",
    ),
    DemoSection(
        "measure",
        "2.2.1.2",
        "Psichikos sveikatos stiprinimas ir savižudybių prevencija",
        (
            "Bus plečiama nemokama psichologinė pagalba jaunimui ir šeimoms, įskaitant trumpąsias "
            "konsultacijas be siuntimo. Mokyklose ir darbovietėse bus mokomi žmonės, gebantys "
            "atpažinti krizę ir nukreipti žmogų pas specialistus. Savivaldybė užtikrins, kad po "
            "savižudybės bandymo žmogui per parą būtų pasiūlyta pagalba."
        ),
        "sveikata",
    ),
    DemoSection(
        "measure",
        "2.2.1.3",
        "Fizinio aktyvumo ir masinio sporto skatinimas",
        (
            "Prie Nemuno ir Neries krantinių, Ąžuolyne ir mikrorajonų parkuose bus įrengiamos "
            "lauko treniruoklių aikštelės ir bėgimo takai. Kasmet bus remiami masiniai sporto "
            "renginiai, tokie kaip Kauno maratonas ir bendruomenių sporto šventės. Sporto mokyklų "
            "salės vakarais bus atveriamos suaugusiųjų grupėms."
        ),
        "kultura",
    ),
    DemoSection(
        "objective",
        "2.2.2",
        "Didinti sveikatos priežiūros paslaugų prieinamumą",
        (
            "Į kai kurių gydytojų specialistų konsultacijas pacientai laukia po kelis mėnesius, o "
            "pirminės sveikatos priežiūros centruose trūksta šeimos gydytojų. Uždaviniu siekiama "
            "modernizuoti savivaldybės gydymo įstaigas, plėsti slaugos paslaugas namuose ir "
            "plačiau taikyti nuotolines konsultacijas. Paslaugos bus glaudžiau derinamos su LSMU "
            "Kauno klinikomis, kad pacientai neliktų tarp dviejų sistemų."
        ),
        "sveikata",
    ),
    DemoSection(
        "indicator",
        "2.2.2-R1",
        "Vidutinis laukimo laikas pas šeimos gydytoją",
        (
            "Matuojamas laikas nuo registracijos iki vizito pagal išankstinės pacientų "
            "registracijos sistemos duomenis savivaldybės pirminės sveikatos priežiūros įstaigose."
        ),
        "sveikata",
        unit="d. d.",
        baseline="2022 m. – 6,5",
        target="2030 m. – 2,0",
    ),
    DemoSection(
        "measure",
        "2.2.2.1",
        "Pirminės sveikatos priežiūros centrų modernizavimas",
        (
            "Savivaldybės poliklinikose bus atnaujinamos patalpos, perkama diagnostikos įranga ir "
            "kuriamos komandinio darbo erdvės šeimos gydytojams, slaugytojams ir socialiniams "
            "darbuotojams. Pirmiausia bus atnaujinti Šilainių ir Dainavos poliklinikų padaliniai, "
            "kuriuose aptarnaujama daugiausia pacientų. Jauniems gydytojams, pasirenkantiems darbą "
            "savivaldybės įstaigose, bus mokamos įsikūrimo išmokos."
        ),
        "sveikata",
    ),
    DemoSection(
        "measure",
        "2.2.2.2",
        "Integruota slauga ir paliatyvioji pagalba namuose",
        (
            "Mobiliosios slaugos komandos lankys senyvo amžiaus ir neįgalius gyventojus namuose, "
            "derindamos sveikatos priežiūrą su socialine pagalba. Paslaugos bus teikiamos ir "
            "vakarais bei savaitgaliais. Siekiama, kad paliatyviosios pagalbos paslaugos namuose "
            "būtų prieinamos visose seniūnijose."
        ),
        "sveikata",
    ),
    DemoSection(
        "goal",
        "2.3",
        "Didinti socialinę įtrauktį ir mažinti skurdą",
        (
            "Skurdo rizika Kaune mažesnė už šalies vidurkį, tačiau ji telkiasi tam tikrose vietose "
            "– Vilijampolėje, Šančiuose, dalyje Dainavos. Tikslu siekiama, kad socialinės "
            "paslaugos būtų teikiamos bendruomenėje, arti žmogaus, o ne didelėse institucijose. "
            "Taip pat būtina didinti socialinio būsto pasiūlą, nes eilė jam gauti per pastaruosius "
            "metus beveik nesutrumpėjo."
        ),
        "sveikata",
    ),
    DemoSection(
        "indicator",
        "2.3-R1",
        "Gyventojų, gaunančių socialinę pašalpą, dalis",
        (
            "Apskaičiuojama pagal Socialinės paramos informacinės sistemos metų pabaigos duomenis, "
            "palyginti su nuolatinių gyventojų skaičiumi."
        ),
        "sveikata",
        unit="proc.",
        baseline="2022 m. – 2,9",
        target="2030 m. – 2,0",
    ),
    DemoSection(
        "indicator",
        "2.3-R2",
        "Asmenų ir šeimų, laukiančių socialinio būsto, skaičius",
        "Imami savivaldybės socialinio būsto nuomos sąrašo sausio 1 d. duomenys.",
        "sveikata",
        unit="asm.",
        baseline="2022 m. – 2 310",
        target="2030 m. – 1 200",
    ),
    DemoSection(
        "objective",
        "2.3.1",
        "Plėtoti bendruomenines socialines paslaugas",
        (
            "Kaune vis dar veikia didelės globos įstaigos, nors valstybė yra įsipareigojusi jas "
            "pertvarkyti į bendruomenines paslaugas. Uždavinys apima grupinio gyvenimo namus, "
            "dienos centrus, laikino atokvėpio paslaugas ir pagalbą šeimoms. Daugiau paslaugų bus "
            "perkama iš nevyriausybinių organizacijų, kurios dažnai geriausiai pažįsta savo "
            "bendruomenę."
        ),
        "sveikata",
    ),
    DemoSection(
        "indicator",
        "2.3.1-R1",
        "Asmenų, gaunančių bendruomenines socialines paslaugas, skaičius",
        (
            "Skaičiuojama pagal savivaldybės socialinių paslaugų apskaitos duomenis apie asmenis, "
            "kuriems per metus suteikta dienos socialinė globa, pagalba į namus ar apgyvendinimas "
            "grupinio gyvenimo namuose."
        ),
        "sveikata",
        unit="asm.",
        baseline="2022 m. – 4 870",
        target="2030 m. – 6 500",
    ),
    DemoSection(
        "measure",
        "2.3.1.1",
        "Institucinės globos pertvarka ir grupinio gyvenimo namai",
        (
            "Iki 2030 m. bus įsteigta ne mažiau kaip dešimt grupinio gyvenimo namų ir savarankiško "
            "gyvenimo būstų žmonėms su negalia. Didelių globos namų gyventojai bus perkeliami "
            "palaipsniui, kiekvienam parengus individualų planą. Namai bus kuriami įvairiuose "
            "miesto rajonuose, kad nesusidarytų naujų uždarų vietų."
        ),
        "sveikata",
    ),
    DemoSection(
        "measure",
        "2.3.1.2",
        "Dienos centrai senjorams ir žmonėms su negalia",
        (
            "Kiekvienoje seniūnijoje turėtų veikti bent vienas dienos centras, kuriame senjorai ir "
            "žmonės su negalia galėtų praleisti dieną, pavalgyti ir dalyvauti užimtumo veiklose. "
            "Dalis centrų bus įkurta bendruomenių namuose ir bibliotekose. Taip šeimos, "
            "slaugančios artimuosius, galės toliau dirbti."
        ),
        "sveikata",
    ),
    DemoSection(
        "measure",
        "2.3.1.3",
        "Kompleksinė pagalba šeimoms",
        (
            "Su sunkumais susiduriančioms šeimoms, auginančioms vaikus, padės atvejo vadybininkai, "
            "dirbantys kartu su mokyklomis, poliklinikomis ir policija. Bus plečiami vaikų dienos "
            "centrai ir pozityviosios tėvystės mokymai. Priemonė skirta tam, kad vaiko teisių "
            "pažeidimų būtų išvengta, o ne į juos reaguojama jau įvykus."
        ),
        "sveikata",
    ),
    DemoSection(
        "objective",
        "2.3.2",
        "Didinti socialinio ir įperkamo būsto pasiūlą",
        (
            "Savivaldybės socialinio būsto fondą sudaro apie 3 tūkst. butų, daugelis jų prastos "
            "būklės ir išsibarstę po senus pastatus. Uždaviniu numatoma plėsti fondą perkant butus "
            "rinkoje ir išbandyti įperkamo nuomojamo būsto modelį jaunoms šeimoms. Būstas bus "
            "perkamas įvairiuose kvartaluose, kad socialinė atskirtis nesitelktų vienoje vietoje."
        ),
        "sveikata",
    ),
    DemoSection(
        "indicator",
        "2.3.2-R1",
        "Savivaldybės socialinio būsto fondo dydis",
        (
            "Skaičiuojami metų pabaigoje savivaldybei nuosavybės teise priklausantys ir socialinio "
            "būsto nuomai naudojami butai."
        ),
        "sveikata",
        unit="butai",
        baseline="2022 m. – 3 080",
        target="2030 m. – 3 900",
    ),
    DemoSection(
        "measure",
        "2.3.2.1",
        "Socialinio būsto fondo plėtra ir atnaujinimas",
        (
            "Kasmet bus įsigyjama ne mažiau kaip 100 butų, pirmenybę teikiant atnaujintiems "
            "daugiabučiams. Prasčiausios būklės savivaldybės butai bus parduodami, o gautos lėšos "
            "naudojamos naujiems įsigyti. Nuomininkams bus padedama susirasti darbą ir padidinti "
            "pajamas, kad vėliau jie galėtų nuomotis būstą rinkoje."
        ),
        "sveikata",
    ),
    DemoSection(
        "measure",
        "2.3.2.2",
        "Įperkamo nuomojamo būsto bandomasis projektas",
        (
            "Savivaldybės žemėje bus pastatytas ar įsigytas daugiabutis, kurio butai jaunoms "
            "šeimoms ir viešojo sektoriaus darbuotojams bus nuomojami pigiau nei rinkoje. Projektą "
            "įgyvendins savivaldybės įmonė arba privatus partneris pagal ilgalaikę sutartį. "
            "Bandomojo projekto rezultatai padės nuspręsti, ar šį modelį verta plėsti."
        ),
        "urbanistika",
    ),
    # 3. Patraukli, darni ir gerai pasiekiama miesto aplinka
    DemoSection(
        "priority",
        "3",
        "Patraukli, darni ir gerai pasiekiama miesto aplinka",
        (
            "Kaunas yra kompaktiškas miestas, tačiau per pastaruosius dešimtmečius dalis gyventojų "
            "persikėlė į priemiesčius, o automobilių mieste sparčiai daugėjo. Prioritetu siekiama "
            "šią tendenciją pakeisti: atnaujinti miesto centrą ir gyvenamuosius kvartalus, "
            "sudaryti sąlygas keliauti be automobilio ir prisitaikyti prie klimato kaitos. Nemuno "
            "ir Neries upės, Ąžuolynas ir šlaitų žaliosios juostos yra miesto vertybės, kurias "
            "reikia saugoti ir atverti žmonėms."
        ),
        "KDG",
    ),
    DemoSection(
        "goal",
        "3.1",
        "Kurti kokybišką ir kompaktišką urbanistinę aplinką",
        (
            "Miesto centre ir senuose kvartaluose yra daug neišnaudotų teritorijų, o naujos "
            "statybos vis dažniau plinta į pakraščius, kur trūksta gatvių, mokyklų ir viešojo "
            "transporto. Tikslu siekiama, kad miestas augtų pirmiausia į vidų, o naujieji "
            "kvartalai būtų planuojami kartu su socialine infrastruktūra. Kartu bus atnaujinamos "
            "viešosios erdvės ir gyvenamieji pastatai, saugant miesto architektūrinį savitumą."
        ),
        "urbanistika",
    ),
    DemoSection(
        "indicator",
        "3.1-R1",
        "Nuolatinių gyventojų skaičius",
        (
            "Naudojami Valstybės duomenų agentūros metų pradžios nuolatinių Kauno miesto gyventojų "
            "skaičiaus duomenys."
        ),
        "urbanistika",
        unit="tūkst. gyv.",
        baseline="2022 m. – 298,8",
        target="2030 m. – 310,0",
    ),
    DemoSection(
        "indicator",
        "3.1-R2",
        "Gyventojų, patenkintų savo gyvenamosios vietos viešosiomis erdvėmis, dalis",
        (
            "Matuojama kasmetine reprezentatyvia gyventojų apklausa, kurioje prašoma įvertinti "
            "artimiausias gyvenamajai vietai viešąsias erdves."
        ),
        "urbanistika",
        unit="proc.",
        baseline="2022 m. – 58",
        target="2030 m. – 75",
    ),
    DemoSection(
        "objective",
        "3.1.1",
        "Atnaujinti miesto centrą ir viešąsias erdves",
        (
            "Laisvės alėja, Senamiestis ir Naujamiestis yra miesto tapatybės šerdis, tačiau čia "
            "vis dar yra tuščių pirmųjų aukštų ir nesutvarkytų kiemų. Uždaviniu numatoma tęsti "
            "centrinių gatvių ir aikščių atnaujinimą, atverti upių krantines ir skatinti "
            "savininkus tvarkyti paveldo pastatus. Viešosios erdvės turi būti patogios "
            "pėstiesiems, žmonėms su negalia ir vaikams."
        ),
        "urbanistika",
    ),
    DemoSection(
        "indicator",
        "3.1.1-R1",
        "Sutvarkytų viešųjų erdvių plotas",
        (
            "Sumuojamas viešųjų erdvių, sutvarkytų pagal savivaldybės užsakytus projektus, plotas "
            "pagal statybos užbaigimo dokumentus."
        ),
        "urbanistika",
        unit="ha",
        baseline="2022 m. – 46",
        target="2030 m. – 85",
    ),
    DemoSection(
        "measure",
        "3.1.1.1",
        "Laisvės alėjos prieigų ir Senamiesčio viešųjų erdvių atnaujinimas",
        (
            "Baigus Laisvės alėjos rekonstrukciją, bus tvarkomos į ją vedančios skersinės gatvės "
            "ir Naujamiesčio kvartalų vidiniai kiemai. Senamiestyje bus atnaujinta M. Valančiaus, "
            "Muitinės ir kitų gatvelių danga, apšvietimas ir želdiniai. Sprendiniai bus derinami "
            "su paveldosaugininkais ir aptariami su vietos verslu bei gyventojais."
        ),
        "urbanistika",
    ),
    DemoSection(
        "measure",
        "3.1.1.2",
        "Nemuno ir Neries krantinių sutvarkymas",
        (
            "Nemuno krantinė nuo Santakos iki Aleksoto tilto ir Neries krantinė Vilijampolėje bus "
            "paverstos vientisa pasivaikščiojimo ir poilsio zona su takais, prieplaukomis ir "
            "aikštelėmis. Projektas bus įgyvendinamas etapais, kiekviename etape įrengiant ir "
            "dviračių taką. Bus užtikrinta, kad krantinių sutvarkymas nesusilpnintų apsaugos nuo "
            "potvynių."
        ),
        "urbanistika",
    ),
    DemoSection(
        "measure",
        "3.1.1.3",
        "Modernizmo paveldo pastatų tvarkybos skatinimas",
        (
            "Savivaldybė kasmet iš dalies finansuos tarpukario modernizmo pastatų fasadų, stogų ir "
            "autentiškų detalių tvarkybą. Pastatų savininkams bus teikiamos nemokamos architektų "
            "ir paveldosaugininkų konsultacijos. Pirmenybė bus teikiama pastatams, esantiems "
            "UNESCO nominacijos teritorijoje ir jos apsaugos zonoje."
        ),
        "urbanistika",
    ),
    DemoSection(
        "objective",
        "3.1.2",
        "Atnaujinti gyvenamuosius kvartalus ir daugiabučius",
        (
            "Daugiau kaip du trečdaliai kauniečių gyvena sovietmečiu statytuose daugiabučiuose, "
            "kurių didelė dalis dar neatnaujinta. Uždavinys apima ne tik pastatų renovaciją, bet "
            "ir kvartalų kiemų, automobilių stovėjimo aikštelių bei vaikų žaidimų aikštelių "
            "sutvarkymą. Kompleksinis požiūris leidžia sumažinti šildymo sąskaitas ir kartu "
            "pagerinti gyvenimo kokybę mikrorajonuose."
        ),
        "urbanistika",
    ),
    DemoSection(
        "indicator",
        "3.1.2-R1",
        "Atnaujintų (modernizuotų) daugiabučių namų skaičius",
        (
            "Pagal Aplinkos projektų valdymo agentūros duomenis skaičiuojami daugiabučiai, "
            "kuriuose užbaigti energinio efektyvumo didinimo darbai ir pasiekta ne žemesnė kaip C "
            "energinio naudingumo klasė."
        ),
        "urbanistika",
        unit="namai",
        baseline="2022 m. – 612",
        target="2030 m. – 1 300",
    ),
    DemoSection(
        "measure",
        "3.1.2.1",
        "Daugiabučių namų atnaujinimas kvartalais",
        (
            "Savivaldybė rengs kvartalų energinio efektyvumo didinimo programas, pagal kurias "
            "vienu metu atnaujinami keli gretimi daugiabučiai ir jų aplinka. Pirmieji kvartalai "
            "bus Šilainiuose, Kalniečiuose ir Dainavoje, kur daug panašios konstrukcijos pastatų. "
            "Gyventojai bus nuosekliai konsultuojami, o mažas pajamas gaunantiems bus "
            "kompensuojama jų investicijų dalis."
        ),
        "urbanistika",
    ),
    DemoSection(
        "measure",
        "3.1.2.2",
        "Daugiabučių kiemų ir aikštelių sutvarkymas",
        (
            "Kasmet bus sutvarkoma ne mažiau kaip 20 daugiabučių kiemų: atnaujinama danga, "
            "įrengiamos vaikų žaidimų aikštelės, suolai ir apšvietimas. Kiemų tvarkymo eilę lems "
            "gyventojų paraiškos ir jų pasirengimas prisiimti dalį priežiūros. Sprendiniuose bus "
            "skiriama daugiau vietos želdynams ir lietaus vandeniui sugerti."
        ),
        "urbanistika",
    ),
    DemoSection(
        "goal",
        "3.2",
        "Plėtoti darnų judumą",
        (
            "Šiuo metu daugiau kaip pusė kelionių Kaune atliekama automobiliu, o viešojo "
            "transporto dalis per dešimtmetį sumažėjo. Tikslu siekiama, kad 2030 m. daugiau nei "
            "pusė kelionių būtų atliekama pėsčiomis, dviračiu ar viešuoju transportu. Tam reikia "
            "patikimo ir greito viešojo transporto, vientiso dviračių takų tinklo ir saugių "
            "gatvių."
        ),
        "judumas",
    ),
    DemoSection(
        "indicator",
        "3.2-R1",
        "Kelionių darniuoju transportu dalis",
        (
            "Nustatoma kas dvejus metus atliekamu gyventojų kelionių tyrimu, vertinant pėsčiomis, "
            "dviračiu ir viešuoju transportu atliktų kelionių dalį."
        ),
        "judumas",
        unit="proc.",
        baseline="2021 m. – 44",
        target="2030 m. – 55",
    ),
    DemoSection(
        "indicator",
        "3.2-R2",
        "Žuvusiųjų ir sunkiai sužalotųjų eismo įvykiuose skaičius",
        "Naudojami Lietuvos policijos registruotų eismo įvykių Kauno mieste duomenys.",
        "judumas",
        unit="asm. per metus",
        baseline="2022 m. – 97",
        target="2030 m. – 45",
    ),
    DemoSection(
        "objective",
        "3.2.1",
        "Gerinti viešojo transporto kokybę ir patrauklumą",
        (
            "Kauno viešojo transporto parkas pastaraisiais metais iš dalies atnaujintas, tačiau "
            "autobusai vis dar stringa bendrame sraute, o intervalai vakarais ir savaitgaliais per "
            "ilgi. Uždaviniu numatoma įrengti daugiau viešojo transporto juostų, atnaujinti "
            "troleibusus ir autobusus bei pagerinti stotelių infrastruktūrą. Taip pat bus "
            "peržiūrėtas maršrutų tinklas, kad jis geriau aptarnautų naujus kvartalus ir pramonės "
            "zonas."
        ),
        "judumas",
    ),
    DemoSection(
        "indicator",
        "3.2.1-R1",
        "Viešojo transporto kelionių skaičius",
        (
            "Skaičiuojama pagal elektroninio bilieto sistemos užregistruotas keliones ir parduotų "
            "vienkartinių bilietų skaičių per metus."
        ),
        "judumas",
        unit="mln. kelionių",
        baseline="2022 m. – 52,4",
        target="2030 m. – 68,0",
    ),
    DemoSection(
        "measure",
        "3.2.1.1",
        "Viešojo transporto parko atnaujinimas",
        (
            "Bus įsigyta naujų troleibusų su autonomine eiga ir elektrinių autobusų, kad iki 2030 "
            "m. dyzeliniai autobusai sudarytų ne daugiau kaip trečdalį parko. Kartu bus statomos "
            "įkrovimo stotelės ir modernizuojamos UAB „Kauno autobusai“ remonto dirbtuvės. Naujos "
            "transporto priemonės bus pritaikytos žmonėms su negalia ir keleiviams su vaikų "
            "vežimėliais."
        ),
        "judumas",
    ),
    DemoSection(
        "measure",
        "3.2.1.2",
        "Viešojo transporto juostos ir pirmumas sankryžose",
        (
            "Savanorių prospekte, Pramonės prospekte ir Veiverių gatvėje bus įrengtos atskiros "
            "viešojo transporto eismo juostos. Šviesoforuose bus diegiama sistema, suteikianti "
            "žalią signalą artėjančiam autobusui ar troleibusui. Siekiama, kad kelionė viešuoju "
            "transportu piko metu būtų ne lėtesnė nei automobiliu."
        ),
        "judumas",
    ),
    DemoSection(
        "measure",
        "3.2.1.3",
        "Funikulierių ir stotelių infrastruktūros atnaujinimas",
        (
            "Istoriniai Žaliakalnio ir Aleksoto funikulieriai bus restauruoti ir įtraukti į bendrą "
            "viešojo transporto bilietų sistemą. Bus atnaujinta ne mažiau kaip 200 stotelių: "
            "įrengti stogeliai, suolai ir švieslentės su realaus laiko informacija. Stotelių "
            "prieigos bus pritaikytos žmonėms su regėjimo ir judėjimo negalia."
        ),
        "judumas",
    ),
    DemoSection(
        "objective",
        "3.2.2",
        "Plėtoti dviračių ir pėsčiųjų infrastruktūrą",
        (
            "Kauno dviračių takų tinklas per dešimtmetį išaugo, tačiau jis vis dar fragmentiškas: "
            "takai nutrūksta sankryžose, trūksta jungčių per upes ir su pramonės zonomis. "
            "Uždaviniu siekiama sukurti vientisą tinklą, kuriuo būtų galima saugiai nuvažiuoti iš "
            "bet kurio mikrorajono į centrą ir universitetų miestelius. Ne mažiau svarbūs patogūs "
            "šaligatviai, saugios perėjos ir ramaus eismo zonos prie mokyklų."
        ),
        "judumas",
    ),
    DemoSection(
        "indicator",
        "3.2.2-R1",
        "Dviračių takų ir dviračių eismo juostų ilgis",
        (
            "Sumuojamas savivaldybės gatvių registre įregistruotų dviračių takų, pėsčiųjų ir "
            "dviračių takų bei dviračių eismo juostų ilgis."
        ),
        "judumas",
        unit="km",
        baseline="2022 m. – 112",
        target="2030 m. – 190",
    ),
    DemoSection(
        "measure",
        "3.2.2.1",
        "Dviračių takų tinklo jungčių įrengimas",
        (
            "Pirmiausia bus įrengtos trūkstamos jungtys tarp Nemuno krantinės, Santakos parko, "
            "Kauno marių ir Panemunės šilo, taip pat dviračių takai Aleksoto, Šilainių ir Dainavos "
            "kryptimis. Kiekvienos gatvės rekonstrukcijos projekte privalomai bus numatoma "
            "dviračių infrastruktūra. Tinklo plėtros eiliškumas bus nustatytas pagal dviračių "
            "eismo srautų skaičiavimus."
        ),
        "judumas",
    ),
    DemoSection(
        "measure",
        "3.2.2.2",
        "Saugios aplinkos prie mokyklų ir pėsčiųjų perėjų programa",
        (
            "Prie mokyklų ir darželių bus mažinamas leistinas greitis, įrengiamos iškiliosios "
            "perėjos ir saugios vaikų išlaipinimo vietos. Kasmet bus įvertinamos pavojingiausios "
            "perėjos ir pertvarkoma ne mažiau kaip 30 jų. Tėvai ir mokiniai galės internetu "
            "pažymėti pavojingas vietas, o savivaldybė skelbs, kaip į pranešimus atsižvelgta."
        ),
        "judumas",
    ),
    DemoSection(
        "goal",
        "3.3",
        "Didinti miesto atsparumą klimato kaitai ir gerinti aplinkos kokybę",
        (
            "Kaunas yra prisijungęs prie Merų pakto ir įsipareigojęs iki 2030 m. bent 40 proc. "
            "sumažinti išmetamų šiltnamio efektą sukeliančių dujų kiekį. Didžiausi taršos "
            "šaltiniai mieste yra pastatų šildymas ir transportas, todėl šis tikslas glaudžiai "
            "siejasi su renovacija ir darniu judumu. Kartu miestas turi prisitaikyti prie karščio "
            "bangų, liūčių ir Nemuno bei Neries potvynių."
        ),
        "klimatas",
    ),
    DemoSection(
        "indicator",
        "3.3-R1",
        "Išmetamų šiltnamio efektą sukeliančių dujų kiekis, tenkantis vienam gyventojui",
        (
            "Apskaičiuojama pagal Merų pakto metodiką, kas dvejus metus sudarant miesto energijos "
            "vartojimo ir išmetamųjų teršalų apskaitą."
        ),
        "klimatas",
        unit="t CO2 ekv.",
        baseline="2020 m. – 4,6",
        target="2030 m. – 2,8",
    ),
    DemoSection(
        "indicator",
        "3.3-R2",
        "Dienų, kai viršyta KD10 paros ribinė vertė, skaičius",
        (
            "Naudojami Aplinkos apsaugos agentūros automatinių oro kokybės tyrimų stočių Kauno "
            "mieste duomenys apie kietųjų dalelių KD10 koncentraciją."
        ),
        "klimatas",
        unit="d. per metus",
        baseline="2022 m. – 21",
        target="2030 m. – 7",
    ),
    DemoSection(
        "objective",
        "3.3.1",
        "Mažinti išmetamą anglies dioksido kiekį ir didinti energijos vartojimo efektyvumą",
        (
            "Savivaldybės pastatai, gatvių apšvietimas ir centralizuoto šilumos tiekimo sistema "
            "suvartoja daug energijos, kurios dalis vis dar gaminama iš iškastinio kuro. Uždaviniu "
            "numatoma sparčiau diegti atsinaujinančius energijos išteklius, modernizuoti šilumos "
            "tinklus ir mažinti atliekų kiekį. Savivaldybė turi rodyti pavyzdį savo pastatuose ir "
            "pirkimuose."
        ),
        "klimatas",
    ),
    DemoSection(
        "indicator",
        "3.3.1-R1",
        "Atsinaujinančių išteklių energijos dalis savivaldybės pastatų suvartojamoje energijoje",
        (
            "Skaičiuojama pagal savivaldybės pastatų energijos apskaitos duomenis, įvertinant "
            "saulės elektrinių pagamintą ir pirktos žaliosios energijos kiekį."
        ),
        "klimatas",
        unit="proc.",
        baseline="2022 m. – 18",
        target="2030 m. – 50",
    ),
    DemoSection(
        "measure",
        "3.3.1.1",
        "Saulės elektrinės savivaldybės pastatuose",
        (
            "Ant mokyklų, darželių, sporto salių ir administracinių pastatų stogų bus įrengiamos "
            "saulės elektrinės, kurių bendra galia iki 2030 m. sieks ne mažiau kaip 15 MW. Ten, "
            "kur stogai netinkami, bus įsigyjamos dalys nutolusiuose saulės parkuose. Sutaupytos "
            "lėšos bus skiriamos pastatų priežiūrai."
        ),
        "klimatas",
    ),
    DemoSection(
        "measure",
        "3.3.1.2",
        "Centralizuoto šilumos tiekimo tinklų modernizavimas",
        (
            "Kartu su AB „Kauno energija“ bus keičiami labiausiai nusidėvėję šilumos tiekimo "
            "vamzdynai, kuriuose prarandama daugiausia šilumos. Bus vertinamos galimybės naudoti "
            "pramonės atliekinę šilumą ir didelius šilumos siurblius, kad mažėtų biokuro ir dujų "
            "poreikis. Darbai bus derinami su gatvių rekonstrukcijos planais, kad ta pati gatvė "
            "nebūtų kasinėjama kelis kartus."
        ),
        "klimatas",
    ),
    DemoSection(
        "measure",
        "3.3.1.3",
        "Atliekų prevencija ir rūšiavimo gerinimas",
        (
            "Daugiabučių kvartaluose bus įrengiamos požeminės ir pusiau požeminės konteinerių "
            "aikštelės su atskirais konteineriais maisto atliekoms. Bus plečiamas pakartotinio "
            "naudojimo centrų tinklas, kuriuose gyventojai galės palikti ir pasiimti baldus, "
            "drabužius ir buities daiktus. Savivaldybės organizuojamuose renginiuose bus "
            "atsisakyta vienkartinių indų."
        ),
        "klimatas",
    ),
    DemoSection(
        "objective",
        "3.3.2",
        "Plėsti žaliąją infrastruktūrą ir saugoti gamtą",
        (
            "Kaunas – vienas žaliausių Lietuvos miestų: čia yra Ąžuolynas, Panemunės šilas, Kauno "
            "marių regioninis parkas ir daug miškingų šlaitų. Tačiau statybos ir prasta priežiūra "
            "kelia grėsmę medžiams, o kai kuriuose rajonuose trūksta pėsčiomis pasiekiamų parkų. "
            "Uždaviniu siekiama, kad kiekvienas gyventojas per 10 minučių pėsčiomis pasiektų "
            "sutvarkytą žaliąją erdvę ir kad miestas geriau sugertų lietaus vandenį."
        ),
        "klimatas",
    ),
    DemoSection(
        "indicator",
        "3.3.2-R1",
        "Gyventojų, gyvenančių ne toliau kaip 400 m nuo viešojo želdyno, dalis",
        (
            "Apskaičiuojama geografinės informacinės sistemos priemonėmis, sugretinant gyvenamųjų "
            "vietų adresus su viešųjų želdynų ribomis."
        ),
        "klimatas",
        unit="proc.",
        baseline="2022 m. – 71",
        target="2030 m. – 85",
    ),
    DemoSection(
        "measure",
        "3.3.2.1",
        "Ąžuolyno ir kitų miesto parkų tvarkymas",
        (
            "Ąžuolyno parke bus tęsiama senųjų ąžuolų priežiūra, tvarkomi takai ir apšvietimas, o "
            "Dainavos, Vytauto ir Santakos parkuose atnaujinamos žaidimų ir poilsio zonos. Naujų "
            "parkų bus kuriama Aleksote ir Šilainiuose, kur jų labiausiai trūksta. Kiekvienam "
            "parkui bus parengtas tvarkymo planas, suderintas su gamtininkais."
        ),
        "klimatas",
    ),
    DemoSection(
        "measure",
        "3.3.2.2",
        "Medžių sodinimas ir želdynų apsauga",
        (
            "Iki 2030 m. mieste bus pasodinta ne mažiau kaip 10 tūkst. medžių, pirmiausia gatvėse, "
            "kuriose vasarą labiausiai įkaista danga. Bus sukurtas skaitmeninis medžių registras, "
            "per kurį gyventojai galės pranešti apie pažeistus ar pavojingus medžius. Statybų metu "
            "bus griežčiau kontroliuojama, ar saugomos medžių šaknys."
        ),
        "klimatas",
    ),
    DemoSection(
        "measure",
        "3.3.2.3",
        "Lietaus vandens tvarkymas ir potvynių rizikos mažinimas",
        (
            "Naujuose ir rekonstruojamuose kvartaluose bus diegiami tvarūs lietaus vandens "
            "tvarkymo sprendiniai: lietaus sodai, vandeniui pralaidžios dangos ir infiltraciniai "
            "grioviai. Žemutinėse Vilijampolės, Šančių ir Senamiesčio dalyse, kurias pavasarį "
            "užlieja Nemunas ir Neris, bus atnaujinti apsauginiai pylimai ir siurblinės. Potvynių "
            "rizikos žemėlapiai bus viešai prieinami gyventojams."
        ),
        "klimatas",
    ),
    # 4. Atviras, įtraukus ir veiksmingas miesto valdymas
    DemoSection(
        "priority",
        "4",
        "Atviras, įtraukus ir veiksmingas miesto valdymas",
        (
            "Strateginio plano tikslai bus pasiekti tik tada, jei gyventojai, bendruomenės ir "
            "nevyriausybinės organizacijos jausis jo bendraautoriai. Prioritetu siekiama, kad "
            "savivaldybės sprendimai būtų priimami atvirai, grindžiami duomenimis ir aiškiai "
            "paaiškinami. Taip pat stiprinamas miesto pasirengimas krizėms, kurių svarbą parodė "
            "COVID-19 pandemija ir Rusijos karas prieš Ukrainą."
        ),
        "KDG",
    ),
    DemoSection(
        "goal",
        "4.1",
        "Stiprinti bendruomenes ir pilietinę visuomenę",
        (
            "Kaune veikia daugiau kaip 60 bendruomeninių organizacijų ir šimtai nevyriausybinių "
            "organizacijų, tačiau daugelis jų priklauso nuo trumpalaikių projektų. Tikslu siekiama "
            "sudaryti sąlygas gyventojams patiems spręsti savo kaimynystės klausimus ir įtraukti "
            "juos į miesto planavimą. Ypač svarbu įtraukti grupes, kurios paprastai nedalyvauja "
            "viešosiose konsultacijose: jaunimą, senjorus ir tautines mažumas."
        ),
        "bendruomene",
    ),
    DemoSection(
        "indicator",
        "4.1-R1",
        "Gyventojų, dalyvavusių savivaldybės konsultacijose ar dalyvaujamajame biudžete, dalis",
        (
            "Skaičiuojama pagal unikalių dalyvių, balsavusių ar pateikusių pasiūlymų savivaldybės "
            "elektroninėse platformose, skaičių, palyginti su pilnamečių gyventojų skaičiumi."
        ),
        "bendruomene",
        unit="proc.",
        baseline="2022 m. – 6,8",
        target="2030 m. – 15,0",
    ),
    DemoSection(
        "indicator",
        "4.1-R2",
        "Gyventojų, pasitikinčių savivaldybe, dalis",
        (
            "Matuojama kasmetine reprezentatyvia gyventojų apklausa, klausiant, ar respondentas "
            "pasitiki Kauno miesto savivaldybe."
        ),
        "bendruomene",
        unit="proc.",
        baseline="2022 m. – 47",
        target="2030 m. – 60",
    ),
    DemoSection(
        "objective",
        "4.1.1",
        "Plėtoti dalyvaujamąjį biudžetą ir bendruomenių iniciatyvas",
        (
            "Dalyvaujamojo biudžeto projektai Kaune sulaukė didelio gyventojų susidomėjimo, tačiau "
            "jiems skiriama lėšų dalis tebėra nedidelė, o įgyvendinimas kartais užtrunka kelerius "
            "metus. Uždaviniu siekiama didinti šias lėšas, supaprastinti paraiškų teikimą ir "
            "stiprinti seniūnaitijų vaidmenį. Bendruomenėms reikia ne tik pinigų, bet ir patalpų "
            "bei konsultacijų."
        ),
        "bendruomene",
    ),
    DemoSection(
        "indicator",
        "4.1.1-R1",
        "Dalyvaujamojo biudžeto lėšų dalis savivaldybės investicijose",
        (
            "Apskaičiuojama kaip per dalyvaujamąjį biudžetą atrinktiems projektams skirtų lėšų ir "
            "visų savivaldybės biudžeto investicijų santykis."
        ),
        "bendruomene",
        unit="proc.",
        baseline="2022 m. – 0,8",
        target="2030 m. – 3,0",
    ),
    DemoSection(
        "measure",
        "4.1.1.1",
        "Dalyvaujamojo biudžeto programa",
        (
            "Kasmet gyventojai teiks ir balsuodami atrinks savo seniūnijų projektus: žaidimų "
            "aikšteles, suoliukus, bendruomenių sodus ar kultūros renginius. Atrinkti projektai "
            "turės būti įgyvendinti ne vėliau kaip per 18 mėnesių. Balsuoti bus galima internetu "
            "ir bibliotekose, kad dalyvauti galėtų ir mažiau skaitmeninių įgūdžių turintys "
            "gyventojai."
        ),
        "bendruomene",
    ),
    DemoSection(
        "measure",
        "4.1.1.2",
        "NVO finansavimo konkursų sistemos tobulinimas",
        (
            "Smulkius metinius projektų konkursus iš dalies pakeis dvejų–trejų metų veiklos "
            "finansavimas, kad organizacijos galėtų planuoti darbą ir išlaikyti darbuotojus. "
            "Paraiškų vertinimo kriterijai ir vertintojų skirti balai bus skelbiami viešai. "
            "Ataskaitų forma bus supaprastinta: daugiau dėmesio bus skiriama rezultatams, o ne "
            "sąskaitoms."
        ),
        "bendruomene",
    ),
    DemoSection(
        "measure",
        "4.1.1.3",
        "Bendruomenių namų tinklas",
        (
            "Kiekvienoje seniūnijoje veiks bent vieni bendruomenių namai – bibliotekoje, mokykloje "
            "ar kitame savivaldybės pastate, – kur gyventojai galės nemokamai rinktis ir "
            "organizuoti veiklą. Namus administruos bendruomeninės organizacijos pagal panaudos "
            "sutartis. Pirmieji tokie namai bus įrengti Šilainiuose ir Vilijampolėje."
        ),
        "bendruomene",
    ),
    DemoSection(
        "objective",
        "4.1.2",
        "Stiprinti jaunimo ir senjorų įsitraukimą",
        (
            "Jaunimas ir vyresnio amžiaus gyventojai – dvi grupės, kurių balsas priimant miesto "
            "sprendimus girdimas mažiausiai. Uždaviniu numatoma plėsti atvirų jaunimo erdvių "
            "tinklą, remti jaunimo organizacijas ir kurti senjorų aktyvumo programas. Taip pat bus "
            "skatinamas kartų bendradarbiavimas, pavyzdžiui, jaunimo savanorystė padedant "
            "senjorams."
        ),
        "bendruomene",
    ),
    DemoSection(
        "indicator",
        "4.1.2-R1",
        "Atvirų jaunimo centrų ir erdvių lankytojų skaičius",
        (
            "Skaičiuojami unikalūs lankytojai pagal atvirų jaunimo centrų ir erdvių lankomumo "
            "apskaitos duomenis."
        ),
        "bendruomene",
        unit="asm. per metus",
        baseline="2022 m. – 3 400",
        target="2030 m. – 6 000",
    ),
    DemoSection(
        "measure",
        "4.1.2.1",
        "Atvirų jaunimo erdvių plėtra",
        (
            "Atviros jaunimo erdvės bus steigiamos seniūnijose, kuriose jų dar nėra, pirmiausia "
            "Petrašiūnuose, Aleksote ir Panemunėje. Jose dirbs jaunimo darbuotojai, o veiklą "
            "planuos patys jauni žmonės kartu su Kauno miesto savivaldybės jaunimo reikalų taryba. "
            "Bus plėtojamas ir mobilusis darbas su jaunimu gatvėje."
        ),
        "bendruomene",
    ),
    DemoSection(
        "measure",
        "4.1.2.2",
        "Senjorų aktyvumo ir savanorystės programa",
        (
            "Trečiojo amžiaus universitetai, bibliotekos ir bendruomenių centrai siūlys senjorams "
            "skaitmeninio raštingumo, sporto ir kultūros užsiėmimų. Senjorai bus kviečiami "
            "savanoriauti mokyklose, muziejuose ir miesto renginiuose. Programa padės mažinti "
            "vienišumą, kuris yra vienas dažniausių vyresnių kauniečių sveikatos rizikos veiksnių."
        ),
        "bendruomene",
    ),
    DemoSection(
        "goal",
        "4.2",
        "Didinti savivaldybės valdymo veiksmingumą ir skaidrumą",
        (
            "Gyventojai vis dažniau tikisi, kad savivaldybės paslaugas galės gauti internetu, o "
            "sprendimų pagrindimas bus aiškus ir patikrinamas. Tikslu siekiama skaitmeninti "
            "paslaugas, atverti duomenis ir stiprinti strateginio planavimo bei stebėsenos "
            "gebėjimus. Šio plano įgyvendinimas bus stebimas viešai, kasmet skelbiant rodiklių "
            "pokyčius."
        ),
        "bendruomene",
    ),
    DemoSection(
        "indicator",
        "4.2-R1",
        "Elektroniniu būdu pateiktų prašymų savivaldybei dalis",
        (
            "Skaičiuojama pagal dokumentų valdymo sistemos duomenis: kiek prašymų savivaldybei "
            "pateikta elektroniniu būdu, palyginti su visais prašymais."
        ),
        "bendruomene",
        unit="proc.",
        baseline="2022 m. – 54",
        target="2030 m. – 90",
    ),
    DemoSection(
        "indicator",
        "4.2-R2",
        "Gyventojų, patenkintų savivaldybės paslaugomis, dalis",
        "Matuojama trumpa apklausa, kuri išsiunčiama gyventojui iš karto po paslaugos suteikimo.",
        "bendruomene",
        unit="proc.",
        baseline="2022 m. – 63",
        target="2030 m. – 78",
    ),
    DemoSection(
        "objective",
        "4.2.1",
        "Skaitmeninti paslaugas ir atverti duomenis",
        (
            "Dalis savivaldybės paslaugų jau teikiama per e. paslaugų portalą, tačiau daugelis "
            "procesų vis dar reikalauja atvykti į savivaldybę Laisvės alėjoje ar į seniūniją. "
            "Uždaviniu siekiama, kad visos dažniausiai užsakomos paslaugos būtų prieinamos "
            "internetu, o savivaldybės duomenys – atvirų duomenų portale. Atviri duomenys leis "
            "verslui, mokslininkams ir žurnalistams kurti naujus sprendimus ir stebėti valdžios "
            "darbą."
        ),
        "bendruomene",
    ),
    DemoSection(
        "indicator",
        "4.2.1-R1",
        "Atvirų duomenų rinkinių skaičius",
        (
            "Skaičiuojami savivaldybės ir jos įstaigų duomenų rinkiniai, paskelbti Lietuvos atvirų "
            "duomenų portale ir reguliariai atnaujinami."
        ),
        "bendruomene",
        unit="vnt.",
        baseline="2022 m. – 38",
        target="2030 m. – 200",
    ),
    DemoSection(
        "measure",
        "4.2.1.1",
        "Savivaldybės e. paslaugų plėtra",
        (
            "Iki 2026 m. internetu bus galima užsakyti visas 50 dažniausiai prašomų paslaugų – nuo "
            "gyvenamosios vietos deklaravimo iki leidimų atlikti kasinėjimo darbus. Kiekvienai "
            "paslaugai bus nustatytas aiškus terminas ir galimybė sekti prašymo būseną. Klientų "
            "aptarnavimo centre konsultantas padės užsakyti paslaugą internetu tiems, kam to "
            "reikia."
        ),
        "bendruomene",
    ),
    DemoSection(
        "measure",
        "4.2.1.2",
        "Atvirų duomenų ir miesto duomenų platforma",
        (
            "Savivaldybė ir jos įmonės atvers viešojo transporto, eismo srautų, aplinkos kokybės, "
            "biudžeto vykdymo ir viešųjų pirkimų duomenis kompiuteriu skaitomu formatu. Bus "
            "sukurta miesto duomenų platforma su gyventojams suprantamomis vizualizacijomis. "
            "Kasmet kartu su KTU Informatikos fakultetu bus rengiamas atvirų duomenų hakatonas."
        ),
        "bendruomene",
    ),
    DemoSection(
        "measure",
        "4.2.1.3",
        "Skaitmeninių įgūdžių ugdymas gyventojams",
        (
            "Bibliotekose ir seniūnijose vyks nemokami mokymai, kaip naudotis e. paslaugomis, "
            "elektroniniu parašu ir e. sveikatos sistema. Mokymai bus pritaikyti senjorams ir "
            "žmonėms, kurių gimtoji kalba nėra lietuvių. Savanorių konsultantų tinklą koordinuos "
            "Kauno apskrities viešoji biblioteka."
        ),
        "bendruomene",
    ),
    DemoSection(
        "objective",
        "4.2.2",
        "Stiprinti strateginį planavimą ir stebėseną",
        (
            "Ankstesnio laikotarpio plano vertinimas parodė, kad dalis rodiklių nebuvo matuojami, "
            "o metiniai veiklos planai menkai siejosi su strateginiais tikslais. Uždaviniu "
            "numatoma sukurti nuoseklią stebėsenos sistemą, kurioje kiekvienas rodiklis turi "
            "atsakingą padalinį ir duomenų šaltinį. Plano įgyvendinimas bus aptariamas su ekspertų "
            "darbo grupėmis bent kartą per metus."
        ),
        "KDG",
    ),
    DemoSection(
        "indicator",
        "4.2.2-R1",
        "Rodiklių, kurių reikšmės paskelbtos laiku, dalis",
        (
            "Skaičiuojama, kiek šio plano rodiklių metinės reikšmės paskelbta stebėsenos "
            "ataskaitoje iki kitų metų gegužės 1 d."
        ),
        "KDG",
        unit="proc.",
        baseline="2022 m. – 61",
        target="2030 m. – 100",
    ),
    DemoSection(
        "measure",
        "4.2.2.1",
        "Plano įgyvendinimo stebėsenos sistema",
        (
            "Bus sukurta elektroninė stebėsenos sistema, kurioje rodiklių reikšmės automatiškai "
            "atnaujinamos iš valstybės registrų ir savivaldybės duomenų bazių. Kasmet bus rengiama "
            "ir viešai skelbiama plano įgyvendinimo ataskaita, o 2026 m. atliktas tarpinis "
            "vertinimas. Vertinimo išvadas aptars koordinacinė darbo grupė ir prireikus pasiūlys "
            "plano pakeitimų."
        ),
        "KDG",
    ),
    DemoSection(
        "measure",
        "4.2.2.2",
        "Savivaldybės valdomų įmonių valdysenos tobulinimas",
        (
            "Savivaldybės valdomoms įmonėms bus nustatyti ilgalaikiai tikslai, susieti su šio "
            "plano rodikliais, o jų valdybose daugės nepriklausomų narių. Įmonių veiklos "
            "rezultatai bus skelbiami vienoje vietoje ir lyginami tarpusavyje. Tai padės "
            "užtikrinti, kad „Kauno vandenys“, „Kauno autobusai“ ir kitos įmonės veiktų skaidriai "
            "ir efektyviai."
        ),
        "ekonomika",
    ),
    DemoSection(
        "goal",
        "4.3",
        "Užtikrinti viešąjį saugumą ir miesto pasirengimą krizėms",
        (
            "Saugumo jausmas yra vienas svarbiausių gyvenimo kokybės veiksnių, o pastarieji metai "
            "parodė, kad miestas turi būti pasirengęs ir netikėtoms krizėms. Tikslu siekiama "
            "mažinti nusikalstamumą viešosiose vietose, stiprinti prevenciją ir civilinę saugą. "
            "Savivaldybė glaudžiai bendradarbiaus su Kauno apskrities vyriausiuoju policijos "
            "komisariatu, priešgaisrine gelbėjimo tarnyba ir bendruomenėmis."
        ),
        "bendruomene",
    ),
    DemoSection(
        "indicator",
        "4.3-R1",
        "Užregistruotų nusikalstamų veikų skaičius 10 000 gyventojų",
        (
            "Naudojami Informatikos ir ryšių departamento Nusikalstamų veikų žinybinio registro "
            "duomenys apie Kauno mieste užregistruotas veikas."
        ),
        "bendruomene",
        unit="atvejai",
        baseline="2022 m. – 198",
        target="2030 m. – 160",
    ),
    DemoSection(
        "indicator",
        "4.3-R2",
        "Gyventojų, tamsiuoju paros metu jaučiančių saugumą savo gyvenamojoje vietovėje, dalis",
        (
            "Matuojama kasmetine reprezentatyvia gyventojų apklausa kartu su kitais gyvenimo "
            "kokybės klausimais."
        ),
        "bendruomene",
        unit="proc.",
        baseline="2022 m. – 64",
        target="2030 m. – 75",
    ),
    DemoSection(
        "objective",
        "4.3.1",
        "Stiprinti viešąją tvarką ir nusikalstamumo prevenciją",
        (
            "Daugiausia nusikalstamų veikų užregistruojama miesto centre, prie prekybos centrų ir "
            "kai kuriuose mikrorajonų kiemuose. Uždaviniu numatoma plėsti vaizdo stebėjimo "
            "sistemą, stiprinti bendruomenės pareigūnų ir saugios kaimynystės grupių veiklą bei "
            "gerinti apšvietimą. Prevencija turi būti svarbesnė už baudas."
        ),
        "bendruomene",
    ),
    DemoSection(
        "indicator",
        "4.3.1-R1",
        "Veikiančių saugios kaimynystės grupių skaičius",
        (
            "Skaičiuojamos Kauno apskrities vyriausiojo policijos komisariato įregistruotos ir "
            "aktyviai veikiančios saugios kaimynystės grupės Kauno mieste."
        ),
        "bendruomene",
        unit="vnt.",
        baseline="2022 m. – 142",
        target="2030 m. – 220",
    ),
    DemoSection(
        "measure",
        "4.3.1.1",
        "Viešųjų erdvių vaizdo stebėjimo sistemos plėtra",
        (
            "Vietose, kuriose dažniausiai registruojami pažeidimai, bus įrengta papildomų vaizdo "
            "kamerų, o esamos sistemos sujungtos į vieną stebėjimo centrą su policija. Kamerų "
            "vietos ir vaizdo įrašų saugojimo taisyklės bus paskelbtos viešai. Duomenys bus "
            "tvarkomi laikantis asmens duomenų apsaugos reikalavimų."
        ),
        "bendruomene",
    ),
    DemoSection(
        "measure",
        "4.3.1.2",
        "Gatvių ir kiemų apšvietimo modernizavimas",
        (
            "Visi gatvių šviestuvai bus pakeisti nuotoliniu būdu valdomais LED šviestuvais, o "
            "neapšviesti kiemai, takai ir perėjos bus apšviesti. Modernizavimas sumažins "
            "apšvietimo elektros sąnaudas maždaug 60 proc. ir padidins saugumą tamsiuoju paros "
            "metu. Šviestuvai bus parenkami taip, kad šviesa nesklistų į butų langus."
        ),
        "klimatas",
    ),
    DemoSection(
        "measure",
        "4.3.1.3",
        "Bendruomenės pareigūnų ir saugios kaimynystės programa",
        (
            "Savivaldybė finansuos saugios kaimynystės grupių įrangą ir mokymus, o seniūnijose bus "
            "nustatytos nuolatinės bendruomenės pareigūnų priėmimo valandos. Kartu su policija "
            "mikrorajonuose bus rengiami saugumo vertinimo pasivaikščiojimai, į kuriuos kviečiami "
            "gyventojai. Jų rezultatai bus naudojami planuojant apšvietimą ir želdinių tvarkymą."
        ),
        "bendruomene",
    ),
    DemoSection(
        "objective",
        "4.3.2",
        "Stiprinti civilinę saugą ir pasirengimą ekstremaliosioms situacijoms",
        (
            "Rusijos karas prieš Ukrainą atskleidė, kad Kaune trūksta tinkamai įrengtų "
            "kolektyvinės apsaugos statinių, o gyventojai menkai žino, kaip elgtis ekstremaliųjų "
            "situacijų metu. Uždaviniu numatoma inventorizuoti ir įrengti priedangas, atnaujinti "
            "gyventojų perspėjimo sistemą ir reguliariai rengti pratybas. Ypatingas dėmesys "
            "skiriamas ligoninių, vandentiekio ir šilumos tiekimo veiklos tęstinumui."
        ),
        "bendruomene",
    ),
    DemoSection(
        "indicator",
        "4.3.2-R1",
        "Gyventojų dalis, kuriai užtikrinta vieta kolektyvinės apsaugos statiniuose",
        (
            "Apskaičiuojama pagal Priešgaisrinės apsaugos ir gelbėjimo departamento patvirtintą "
            "kolektyvinės apsaugos statinių sąrašą ir jų talpą, palyginti su gyventojų skaičiumi."
        ),
        "bendruomene",
        unit="proc.",
        baseline="2022 m. – 28",
        target="2030 m. – 70",
    ),
    DemoSection(
        "measure",
        "4.3.2.1",
        "Kolektyvinės apsaugos statinių įrengimas",
        (
            "Bus įvertinti visi savivaldybės pastatų rūsiai ir požeminės automobilių stovėjimo "
            "aikštelės, o tinkami pritaikyti priedangoms: įrengta ventiliacija, apšvietimas ir "
            "ženklinimas. Naujų mokyklų, darželių ir daugiabučių projektuose bus skatinama "
            "numatyti priedangas. Priedangų žemėlapis bus skelbiamas savivaldybės interneto "
            "svetainėje ir mobiliojoje programėlėje."
        ),
        "urbanistika",
    ),
    DemoSection(
        "measure",
        "4.3.2.2",
        "Gyventojų perspėjimas ir civilinės saugos pratybos",
        (
            "Bus atnaujintos perspėjimo sirenos ir išplėsta trumpųjų žinučių siuntimo sistema "
            "visose seniūnijose. Mokyklose, darželiuose ir daugiabučių namų bendrijose kasmet vyks "
            "evakuacijos ir civilinės saugos pratybos. Savivaldybės administracija parengs ir "
            "išbandys būtinųjų paslaugų tęstinumo planus."
        ),
        "bendruomene",
    ),
)

PLAN: DemoSection = _assemble(_SECTIONS)

# Names for the demo people; the surnames are real gendered forms, not derived ones.
# fmt: off
FIRST_NAMES_MALE: tuple[str, ...] = (
    "Jonas", "Tomas", "Mantas", "Darius", "Andrius", "Mindaugas", "Paulius", "Vytautas", "Rimantas",
    "Gediminas", "Algirdas", "Linas", "Saulius", "Marius", "Giedrius", "Tadas", "Laurynas",
    "Justinas", "Aurimas", "Donatas", "Kęstutis", "Arūnas", "Žilvinas", "Egidijus", "Ramūnas",
    "Vaidas", "Dainius", "Rokas", "Šarūnas", "Edvinas",
)
FIRST_NAMES_FEMALE: tuple[str, ...] = (
    "Rūta", "Jūratė", "Ingrida", "Asta", "Laima", "Giedrė", "Eglė", "Rasa", "Vilma", "Aušra",
    "Daiva", "Indrė", "Agnė", "Gintarė", "Simona", "Kristina", "Ieva", "Milda", "Aistė", "Jolanta",
    "Birutė", "Dalia", "Neringa", "Lina", "Vaida", "Goda", "Ugnė", "Justina", "Greta", "Skaistė",
)
SURNAMES_MALE: tuple[str, ...] = (
    "Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius", "Vasiliauskas", "Žukauskas", "Butkus",
    "Paulauskas", "Urbonas", "Kavaliauskas", "Baranauskas", "Pocius", "Sakalauskas", "Navickas",
    "Ramanauskas", "Vaitkus", "Adomaitis", "Kairys", "Balčiūnas", "Mikalauskas", "Rimkus", "Grigas",
    "Šimkus", "Juška", "Žilinskas", "Bernotas", "Valaitis", "Lukoševičius", "Girdauskas",
    "Matulevičius",
)
SURNAMES_FEMALE: tuple[str, ...] = (
    "Kazlauskienė", "Jankauskaitė", "Petrauskienė", "Stankevičiūtė", "Vasiliauskienė",
    "Žukauskaitė", "Butkienė", "Paulauskaitė", "Urbonienė", "Kavaliauskienė", "Baranauskaitė",
    "Pocienė", "Sakalauskienė", "Navickaitė", "Ramanauskienė", "Vaitkutė", "Adomaitienė",
    "Kairienė", "Balčiūnaitė", "Mikalauskienė", "Rimkutė", "Grigienė", "Šimkutė", "Juškienė",
    "Žilinskaitė", "Bernotienė", "Valaitytė", "Lukoševičienė", "Girdauskaitė", "Matulevičiūtė",
)
# fmt: on

ORGANISATIONS: tuple[str, ...] = (
    "Kauno technologijos universitetas",
    "Vytauto Didžiojo universitetas",
    "Lietuvos sveikatos mokslų universitetas",
    "Kauno kolegija",
    "Kauno technikos kolegija",
    "Kauno prekybos, pramonės ir amatų rūmai",
    "Kauno miesto savivaldybės administracija",
    (
        "Kauno miesto savivaldybės administracijos Strateginio planavimo, analizės ir programų "
        "valdymo skyrius"
    ),
    "Kauno miesto savivaldybės administracijos Miesto planavimo ir architektūros skyrius",
    "Kauno miesto savivaldybės administracijos Švietimo skyrius",
    "Kauno miesto savivaldybės administracijos Socialinių paslaugų skyrius",
    "Kauno miesto savivaldybės administracijos Transporto ir eismo organizavimo skyrius",
    "Kauno miesto savivaldybės visuomenės sveikatos biuras",
    "Kauno laisvosios ekonominės zonos valdymo bendrovė",
    "VšĮ „Kaunas IN“",
    "UAB „Kauno autobusai“",
    "AB „Kauno energija“",
    "Kauno apskrities viešoji biblioteka",
    "Kauno regiono plėtros taryba",
    "Kauno bendruomenių centrų asociacija",
    "Lietuvos architektų sąjungos Kauno skyrius",
    "Kauno jaunimo organizacijų asociacija „Apskritasis stalas“",
    "Lietuvos neįgaliųjų draugijos Kauno skyrius",
    "Asociacija „Kauno dviratininkų bendruomenė“",
    "UAB „Urbanistinių sprendimų biuras“",
    "UAB „Strateginės analizės centras“",
)

# Remark texts by remark type: bendroji, esminė (techninė), redakcinė pastaba.
REMARK_TEXTS: dict[str, tuple[str, ...]] = {
    "general": (
        (
            "Siūlome aiškiau susieti šią dalį su Kauno regiono plėtros planu ir Nacionaliniu "
            "pažangos planu, nes dabar neaišku, kaip miesto tikslai prisideda prie regiono ir "
            "šalies tikslų."
        ),
        (
            "Esama padėtis aprašyta gerai, tačiau trūksta aiškaus atsakymo, kas konkrečiai "
            "pasikeis iki 2030 m. ir kaip tai pajus gyventojai."
        ),
        (
            "Ši nuostata per bendra: ji tiktų bet kuriam Lietuvos miestui. Siūlome įvardyti Kaunui "
            "būdingas problemas ir konkrečias vietas."
        ),
        (
            "Manome, kad šioje dalyje nepakankamai atsižvelgta į demografinius pokyčius – "
            "gyventojų senėjimą ir jaunų šeimų kėlimąsi į Kauno rajoną."
        ),
        (
            "Krypčiai pritariame, tačiau siūlome papildyti nuostata apie bendradarbiavimą su Kauno "
            "rajono savivaldybe, nes dalis problemų peržengia miesto ribas."
        ),
        (
            "Neaišku, kuri institucija atsakinga už šios nuostatos įgyvendinimą ir koordinavimą. "
            "Siūlome nurodyti atsakingą padalinį."
        ),
        (
            "Pasigendame sąsajos su kitų prioritetų tikslais: ši nuostata tiesiogiai veikia ir "
            "aplinkos, ir socialinę sritį."
        ),
        (
            "Siūlome įvertinti, ar numatytas finansavimas realus: tokio masto darbams vien "
            "savivaldybės biudžeto lėšų nepakaks."
        ),
        (
            "Tekste neminimos nevyriausybinės organizacijos, nors jos šioje srityje jau teikia "
            "paslaugas. Siūlome jas įvardyti kaip partneres."
        ),
        (
            "Abejojame, ar šis tikslas pasiekiamas iki 2030 m., atsižvelgiant į ankstesnio "
            "laikotarpio įgyvendinimo tempą."
        ),
        (
            "Siūlome numatyti, kaip bus įtraukti gyventojai, kuriuos šie sprendimai paveiks "
            "labiausiai, – ne tik informuojami, bet ir konsultuojami prieš priimant sprendimą."
        ),
        (
            "Dalis teksto kartoja ankstesnio strateginio plano nuostatas, tačiau nepaaiškinta, "
            "kodėl jos nebuvo įgyvendintos ir kas dabar bus daroma kitaip."
        ),
        "Šiai nuostatai pritariame ir siūlome ją laikyti viena svarbiausių prioriteto dalių.",
        (
            "Siūlome atsižvelgti į universitetų šia tema atliktus tyrimus – jų rezultatai galėtų "
            "pagrįsti pasirinktus sprendimus."
        ),
        (
            "Ši dalis svarbi, tačiau jos vieta plano struktūroje abejotina: pagal turinį ji labiau "
            "tinka kitam tikslui."
        ),
        (
            "Trūksta lyčių lygybės ir prieinamumo žmonėms su negalia aspekto, kuris turėtų būti "
            "horizontalus visame plane."
        ),
        (
            "Siūlome nurodyti, kurie darbai bus atliekami pirmaisiais plano įgyvendinimo metais, o "
            "kurie – vėliau."
        ),
        (
            "Nuostata patraukli, tačiau neaišku, kaip ji bus įgyvendinta nedidinant "
            "administracijos darbuotojų skaičiaus."
        ),
        (
            "Siūlome aiškiau atskirti, kas priklauso savivaldybės kompetencijai, o kas – valstybės "
            "institucijoms."
        ),
        (
            "Manome, kad čia per mažai dėmesio skiriama miesto pakraščių seniūnijoms – "
            "Petrašiūnams, Panemunei, Aleksotui."
        ),
        (
            "Pastaba informacinio pobūdžio: ši nuostata susijusi su šiuo metu rengiamu bendrojo "
            "plano keitimu, todėl abiejų dokumentų sprendiniai turi būti suderinti."
        ),
        (
            "Siūlome papildyti nuoroda į klimato kaitą: šie sprendimai turėtų būti vertinami ir "
            "pagal jų indėlį mažinant išmetamų teršalų kiekį."
        ),
        (
            "Neaiškus ryšys tarp uždavinio ir jam priskirtų priemonių: priemonės sprendžia tik "
            "dalį uždavinyje įvardytos problemos."
        ),
        (
            "Siūlome įvertinti ir galimą neigiamą poveikį, pavyzdžiui, būsto kainų augimą ir "
            "gyventojų išstūmimą atnaujinamuose kvartaluose."
        ),
        (
            "Iš esmės pritariame, tačiau nuostata turėtų būti suformuluota kaip įsipareigojimas, o "
            "ne kaip ketinimas."
        ),
        (
            "Siūlome numatyti konkretų būdą, kaip įgyvendinimas bus derinamas su verslu ir jo "
            "atstovais."
        ),
        (
            "Pasigendame informacijos, kaip šioje dalyje atsižvelgta į praėjusio darbo grupės "
            "posėdžio išvadas."
        ),
        (
            "Tekste daugiausia kalbama apie infrastruktūrą, bet mažai – apie paslaugų kokybę ir "
            "jas teikiančius žmones."
        ),
        (
            "Siūlome šią nuostatą aptarti bendrame kelių darbo grupių posėdyje, nes ji liečia ir "
            "švietimo, ir socialinę sritį."
        ),
        (
            "Vertiname, kad tekste įvardytos konkrečios miesto vietos; siūlome tą patį principą "
            "taikyti ir kitose plano dalyse."
        ),
        (
            "Neaišku, ar įgyvendinimas bus finansuojamas iš 2021–2027 m. ES fondų investicijų, ar "
            "tik iš savivaldybės biudžeto."
        ),
        (
            "Siūlome numatyti šios nuostatos peržiūrą plano tarpinio vertinimo metu, nes "
            "aplinkybės gali greitai keistis."
        ),
        (
            "Tekste nepaminėtas Kauno rajone gyvenančių, bet mieste dirbančių ir besimokančių "
            "žmonių poreikis, nors jis labai didelis."
        ),
    ),
    "technical": (
        (
            "Siūlome patikslinti, kokiais duomenimis remiantis nustatyta pradinė reikšmė ir ar šie "
            "duomenys bus prieinami kasmet visą plano laikotarpį."
        ),
        (
            "Siektina reikšmė atrodo nepagrįstai ambicinga: per pastaruosius penkerius metus šis "
            "rodiklis pagerėjo vos keliais procentais."
        ),
        (
            "Rodiklis matuoja veiklos apimtį, o ne rezultatą. Siūlome jį keisti rezultato "
            "rodikliu, pavyzdžiui, paslaugų gavėjų pasitenkinimu."
        ),
        (
            "Matavimo vienetas neatitinka rodiklio pavadinimo: pavadinime kalbama apie dalį, o "
            "reikšmės pateiktos absoliučiais skaičiais."
        ),
        (
            "Nurodytas duomenų šaltinis skelbia duomenis tik apskrities lygmeniu, todėl miesto "
            "reikšmės pagal jį apskaičiuoti nepavyks."
        ),
        (
            "Siūlome nurodyti ne tik galutinę 2030 m. reikšmę, bet ir tarpinę 2026 m. reikšmę, kad "
            "pažangą būtų galima įvertinti laiku."
        ),
        (
            "Pradinės reikšmės metai skiriasi nuo kitų šios dalies rodiklių; siūlome visiems "
            "rodikliams naudoti tuos pačius bazinius metus."
        ),
        (
            "Apklausa grindžiamas rodiklis bus patikimas tik tada, jei apklausa kasmet atliekama "
            "pagal tą pačią metodiką. Siūlome tai įtvirtinti."
        ),
        (
            "Neaišku, ar įvertinta įgyvendinimo kaina. Be preliminarios sąmatos neįmanoma spręsti, "
            "ar tai įgyvendinama."
        ),
        (
            "Tekste nurodytas skaičius nesutampa su naujausiais Valstybės duomenų agentūros "
            "paskelbtais duomenimis. Prašome patikrinti."
        ),
        (
            "Rodiklio reikšmė priklauso nuo daugelio veiksnių, kurių savivaldybė nekontroliuoja. "
            "Siūlome papildomai numatyti rodiklį, tiesiogiai susijusį su savivaldybės veiksmais."
        ),
        (
            "Numatytiems darbams reikės keisti teritorijų planavimo dokumentus; siūlome įvertinti, "
            "ar tai bus spėta padaryti per plano laikotarpį."
        ),
        (
            "Siūlome patikslinti, ar rodiklis skaičiuojamas visam miestui, ar tik priemonės "
            "įgyvendinimo teritorijai."
        ),
        (
            "Numatytas įgyvendinimo terminas nerealus: vien projektavimas ir viešieji pirkimai "
            "užtruks bent dvejus metus."
        ),
        (
            "Formuluotė leidžia skirtingai suprasti, kas laikoma „atnaujintu“ objektu. Būtina "
            "nustatyti aiškų kriterijų."
        ),
        (
            "Siūlome nurodyti, pagal kokią metodiką bus skaičiuojamas rodiklis, ir pridėti jos "
            "aprašą plano priede."
        ),
        (
            "Rodiklis dubliuoja kito tikslo rodiklį; siūlome vieną jų pakeisti arba aiškiai "
            "atskirti jų turinį."
        ),
        (
            "Siektina reikšmė nustatyta mažesnė už jau pasiektą 2023 m. reikšmę. Siūlome ją "
            "peržiūrėti."
        ),
        (
            "Nenurodyta, kas atsakingas už rodiklio duomenų surinkimą ir kaip dažnai jie bus "
            "teikiami stebėsenai."
        ),
        (
            "Apimtis kiekybiškai neapibrėžta: siūlome nurodyti, kiek objektų, kilometrų ar "
            "paslaugų gavėjų ketinama pasiekti."
        ),
        (
            "Pagal galiojančius teisės aktus ši funkcija priskirta valstybei, todėl be atskiro "
            "susitarimo savivaldybė jos vykdyti negali."
        ),
        (
            "Rodiklį stipriai paveikė COVID-19 pandemija, todėl 2020–2021 m. duomenys netinka "
            "pradinei reikšmei."
        ),
        "Siūlome papildyti aprašą rizikomis ir jų valdymo būdais, ypač dėl statybos kainų augimo.",
        (
            "Aprašytai priemonei nenumatytas joks rodiklis, pagal kurį būtų galima įvertinti jos "
            "rezultatą. Siūlome jį numatyti."
        ),
        (
            "Pateiktos procentinės dalys nesusumuojamos: jų suma viršija 100 proc. Prašome "
            "patikrinti skaičiavimą."
        ),
        (
            "Siūlome rodiklį skaidyti pagal lytį, amžiaus grupes ar seniūnijas, kad būtų matyti, "
            "ar pokyčiai vienodi visame mieste."
        ),
        (
            "Nurodytas duomenų šaltinis nuo 2023 m. keičia skaičiavimo metodiką, todėl pradinė ir "
            "vėlesnės reikšmės bus nepalyginamos."
        ),
        (
            "Įgyvendinimo eiliškumas turėtų būti grindžiamas poreikio analize, o ne paraiškų "
            "gavimo tvarka; siūlome tai įrašyti."
        ),
        (
            "Siūlome įvertinti ir priežiūros išlaidas: nauja infrastruktūra ateinančiais metais "
            "didins savivaldybės biudžeto išlaidas."
        ),
        (
            "Reikšmė pateikta be dešimtųjų, nors kiti rodikliai – su viena dešimtąja. Siūlome "
            "suvienodinti tikslumą."
        ),
        (
            "Tekste nurodyta apimtis prieštarauja investicijų plane numatytai sumai; prašome "
            "suderinti šiuos dokumentus."
        ),
        (
            "Siūlome bazinę reikšmę apskaičiuoti kaip bent trejų metų vidurkį, nes metinė reikšmė "
            "smarkiai svyruoja."
        ),
        (
            "Rodiklio duomenys skelbiami tik kas dvejus metus, todėl metinėje stebėsenos "
            "ataskaitoje jo reikšmės nebus."
        ),
    ),
    "editorial": (
        "Sakinys per ilgas ir sunkiai suprantamas; siūlome jį skaidyti į du trumpesnius.",
        (
            "Siūlome visame plane vartoti vienodą terminą: vienur rašoma „renovacija“, kitur – "
            "„modernizavimas“."
        ),
        "Santrumpa pavartota jos neiššifravus; pirmą kartą siūlome pateikti visą pavadinimą.",
        (
            "Institucijos pavadinimas nurodytas netiksliai; siūlome vartoti oficialų pavadinimą "
            "pagal Juridinių asmenų registrą."
        ),
        (
            "Žodis „efektyvus“ tekste vartojamas per dažnai; siūlome keisti į „veiksmingas“ arba "
            "„rezultatyvus“."
        ),
        (
            "Siūlome atsisakyti anglicizmų ir vartoti lietuviškus atitikmenis, pavyzdžiui, "
            "„bendradarbystės erdvė“ vietoj „co-working“."
        ),
        (
            "Formuluotė pateikta kaip esamos padėties aprašymas, nors turėtų nusakyti siekiamą "
            "rezultatą. Siūlome keisti veiksmažodžio laiką."
        ),
        (
            "Skaičiai ir matavimo vienetai rašytini pagal bendrinės kalbos taisykles: tarp "
            "skaičiaus ir vieneto – tarpas, dešimtainė dalis – po kablelio."
        ),
        (
            "Netinkamai pavartotos kabutės; lietuviškame tekste rašomos apatinės ir viršutinės "
            "kabutės („ “)."
        ),
        (
            "Tas pats žodis kartojasi dviejuose gretimuose sakiniuose; siūlome vieną jų pakeisti "
            "sinonimu."
        ),
        (
            "Siūlome dalies pavadinimą sutrumpinti, kad jis tilptų turinyje vienoje eilutėje ir "
            "atitiktų kitų dalių stilių."
        ),
        (
            "Vietoj neapibrėžto „ir kt.“ siūlome išvardyti visus numatomus objektus arba nurodyti, "
            "kaip jie bus atrenkami."
        ),
        "Datos rašomos nevienodai; siūlome visame dokumente laikytis formos „2030 m.“.",
        (
            "Tekste vartojama daugiskaita, nors kalbama apie vieną objektą. Prašome patikrinti "
            "derinimą."
        ),
        (
            "Vietoj pasyvinės konstrukcijos „bus siekiama užtikrinti“ siūlome aiškesnę formuluotę "
            "„savivaldybė užtikrins“."
        ),
        "Tarp skaičių reikia rašyti ilgąjį brūkšnį (–), o ne trumpąjį brūkšnelį.",
        "Vietovardžiai turi būti rašomi pagal oficialius seniūnijų ir mikrorajonų pavadinimus.",
        "Sąrašo elementai pateikti skirtingomis gramatinėmis formomis; siūlome juos suvienodinti.",
        (
            "Žodžių junginys „pagal galimybes“ susilpnina nuostatą; siūlome jį išbraukti arba "
            "pakeisti konkrečia sąlyga."
        ),
        (
            "Pastraipos pradžioje pakartota tai, kas jau pasakyta uždavinio pavadinime; siūlome "
            "šią vietą sutrumpinti."
        ),
        "Vietoj „ženkliai“ siūlome rašyti „gerokai“ arba „labai“.",
        "Vietoj „pilnai“ siūlome rašyti „visiškai“.",
        (
            "Nuoroda į kitą plano dalį pateikta senu numeriu; pakeitus struktūrą, ją reikia "
            "atnaujinti."
        ),
        "Trūksta kablelio prieš šalutinį sakinį.",
        "Siūlome rašyti ne „įtakoja“, o „daro įtaką“ arba „veikia“.",
        "Bendrinis žodis pavadinime parašytas didžiąja raide; siūlome rašyti mažąja.",
        "Frazė perteklinė ir nieko neprideda prie prasmės; siūlome ją išbraukti.",
        (
            "Universiteto pavadinimas rašomas nevienodai – kartais santrumpa, kartais visas. "
            "Siūlome suvienodinti."
        ),
        "Sakinyje trūksta veiksnio, todėl neaišku, kas atliks veiksmą.",
        "Vietoj „ir/arba“ siūlome vartoti lietuvių kalboje įprastą formą „ir (arba)“.",
        (
            "Angliška santrumpa nebūtina; lietuviškame tekste siūlome vartoti lietuvišką terminą, "
            "o santrumpą pateikti skliaustuose."
        ),
        (
            "Žodžių tvarka sakinyje neįprasta lietuvių kalbai; siūlome sakinį pertvarkyti, kad "
            "svarbiausia informacija būtų jo pabaigoje."
        ),
        (
            "Siūlome vietoj „pagrindinis prioritetas“ rašyti tiesiog „prioritetas“ – žodis jau "
            "reiškia pirmenybę."
        ),
    ),
}

PROPOSED_CHANGES: tuple[str, ...] = (
    "Papildyti sakiniu: „Priemonė bus įgyvendinama bendradarbiaujant su Kauno rajono savivaldybe.“",
    "Žodžius „bus siekiama“ pakeisti žodžiais „bus užtikrinta“.",
    "Išbraukti žodžius „pagal galimybes“.",
    (
        "Siektiną 2030 m. reikšmę pakeisti realesne, apskaičiuota pagal pastarųjų penkerių metų "
        "tendenciją."
    ),
    "Papildyti tarpine 2026 m. reikšme.",
    (
        "Rodiklį pakeisti rodikliu „Paslaugų gavėjų, teigiamai vertinančių paslaugų kokybę, dalis, "
        "proc.“"
    ),
    "Papildyti aprašą nuoroda į atsakingą administracijos padalinį ir pagrindinius partnerius.",
    "Pastraipą skaidyti į du sakinius: pirmajame aprašyti problemą, antrajame – siūlomą sprendimą.",
    "Papildyti sakiniu: „Visi sprendiniai bus rengiami laikantis universalaus dizaino principų.“",
    (
        "Visame tekste vietoj „daugiabučių renovacija“ vartoti terminą „daugiabučių namų "
        "atnaujinimas (modernizavimas)“."
    ),
    (
        "Papildyti sakiniu: „Įgyvendinimo eiliškumas bus nustatomas pagal viešai skelbiamus "
        "kriterijus.“"
    ),
    (
        "Nurodyti pradinės reikšmės šaltinį ir metus, pavyzdžiui: „Valstybės duomenų agentūra, "
        "2022 m.“"
    ),
    "Matavimo vienetą „vnt.“ pakeisti į „proc.“ ir atitinkamai perskaičiuoti reikšmes.",
    (
        "Šią dalį perkelti į kitą tikslą, kuriam ji labiau tinka pagal turinį, ir atitinkamai "
        "pakeisti numeraciją."
    ),
    "Papildyti priemonių sąrašą nauja priemone, skirta gyventojams informuoti ir konsultuoti.",
    "Išbraukti šį sakinį kaip pasikartojantį.",
    (
        "Sakinį išdėstyti taip: „Iki 2030 m. savivaldybė įgyvendins ne mažiau kaip penkis tokius "
        "projektus skirtingose seniūnijose.“"
    ),
    (
        "Papildyti: „Įgyvendinimas bus finansuojamas savivaldybės biudžeto, 2021–2027 m. ES fondų "
        "investicijų ir privačiomis lėšomis.“"
    ),
    "Vietoj „ženkliai“ rašyti „gerokai“.",
    "Vietoj „pilnai“ rašyti „visiškai“.",
    "Nurodyti visą institucijos pavadinimą, o santrumpą pateikti skliaustuose.",
    (
        "Formuluotę pakeisti rezultato forma: vietoj „bus organizuojami mokymai“ rašyti „ne mažiau "
        "kaip 500 gyventojų įgis reikiamų įgūdžių“."
    ),
    "Papildyti rodiklių sąrašą rodikliu, kurio reikšmės skaidomos pagal seniūnijas.",
    "Pradinę reikšmę nurodyti kaip 2019–2022 m. vidurkį.",
    (
        "Terminą „iki 2026 m.“ pakeisti terminu „iki 2028 m.“, atsižvelgiant į projektavimo ir "
        "pirkimų trukmę."
    ),
    "Papildyti nuoroda į Kauno miesto bendrąjį planą ir jo sprendinius.",
    (
        "Papildyti sakiniu apie poveikio aplinkai ir klimatui vertinimą prieš priimant investicinį "
        "sprendimą."
    ),
    "Įrašyti, kad įgyvendinimo rezultatai kasmet bus aptariami ekspertų darbo grupėje.",
    "Žodį „įtakoja“ pakeisti žodžiais „daro įtaką“.",
    (
        "Angliškas santrumpas pakeisti lietuviškais terminais, o prireikus anglišką terminą "
        "pateikti skliaustuose."
    ),
    "Papildyti partnerių sąrašą: KTU, VDU, LSMU ir Kauno kolegija.",
    "Papildyti nuostata, kad pirmenybė teikiama miesto pakraščių seniūnijoms.",
    "Aprašą sutrumpinti iki esmės, o detales perkelti į savivaldybės strateginį veiklos planą.",
    (
        "Rodiklį skaičiuoti ne absoliučiu skaičiumi, o 1 000 gyventojų, kad jo nepaveiktų "
        "gyventojų skaičiaus pokyčiai."
    ),
    (
        "Papildyti nuostata apie priežiūros išlaidų įvertinimą ir jų įtraukimą į ilgalaikį "
        "biudžeto planą."
    ),
    "Sąrašo elementus pateikti vienoda gramatine forma – daiktavardžiais vardininko linksniu.",
    "Pavadinimą sutrumpinti, išbraukiant dalį, kuri jau pasakyta tikslo pavadinime.",
    (
        "Papildyti sakiniu: „Prieš pradedant projektavimą sprendiniai bus aptarti su gyventojais "
        "viešame susirinkime.“"
    ),
    "Siektiną reikšmę padidinti, nes numatyta reikšmė jau beveik pasiekta.",
    "Rodiklio aprašą papildyti skaičiavimo formule ir duomenų pateikimo terminu.",
    "Visame skyriuje „ir/arba“ pakeisti „ir (arba)“.",
    "Papildyti nuostata, kad dalis paslaugų bus perkama iš nevyriausybinių organizacijų.",
    (
        "Išbraukti konkrečios bendrovės pavadinimą ir rašyti apibendrintai – „savivaldybės "
        "valdomos įmonės“."
    ),
    "Sakinio pabaigą papildyti žodžiais „laikantis Kultūros paveldo departamento reikalavimų“.",
    "Antrąjį sakinį išbraukti, o jo turinį perkelti į priemonės įgyvendinimo planą.",
)

JUSTIFICATIONS: tuple[str, ...] = (
    "Dabartinė formuluotė neleidžia įvertinti, ar priemonė įgyvendinta.",
    "Strateginio valdymo metodikoje nustatyta, kad rodikliai turi matuoti rezultatą, o ne veiklą.",
    (
        "Valstybės duomenų agentūra savivaldybių duomenis skelbia su vienų metų vėlavimu, todėl "
        "metinei stebėsenai reikalingas kitas šaltinis."
    ),
    (
        "Ankstesnio plano laikotarpiu panaši priemonė nebuvo įgyvendinta būtent dėl neaiškios "
        "atsakomybės."
    ),
    (
        "Kitų Lietuvos miestų patirtis rodo, kad tokie projektai sėkmingesni, kai gyventojai "
        "įtraukiami nuo pat pradžių."
    ),
    (
        "Tai atitinka Nacionalinio pažangos plano 2021–2030 m. tikslus ir palengvins ES fondų lėšų "
        "gavimą."
    ),
    (
        "Be tarpinės reikšmės nebus galima laiku pastebėti, kad rodiklis nesiekiamas, ir "
        "pakoreguoti veiksmų."
    ),
    (
        "Nuostata teisiškai netiksli: šios srities sprendimai priklauso valstybės institucijų "
        "kompetencijai."
    ),
    (
        "Gyventojų apklausos rodo, kad būtent šis klausimas jiems svarbiausias, tačiau plane jam "
        "skirta mažai dėmesio."
    ),
    "Terminai turi būti vienodi, kad planas būtų suprantamas ir būtų išvengta skirtingų aiškinimų.",
    "Tokia rašyba atitinka Valstybinės lietuvių kalbos komisijos rekomendacijas.",
    (
        "Statybos kainos nuo 2021 m. išaugo daugiau kaip 30 proc., todėl ankstesni skaičiavimai "
        "nebeatitinka tikrovės."
    ),
    (
        "Universitetai šioje srityje yra sukaupę daug duomenų ir kompetencijų, kurios dabar lieka "
        "nepanaudotos."
    ),
    (
        "Sprendimas tiesiogiai paveiks kelias gyventojų grupes, todėl būtina užtikrinti, kad jis "
        "nedidintų nelygybės."
    ),
    "Absoliutus skaičius netinka, nes plano laikotarpiu keisis gyventojų skaičius.",
    (
        "Pradinės reikšmės metai sutapo su pandemijos laikotarpiu, kai rodiklio reikšmė buvo "
        "neįprastai maža."
    ),
    (
        "Siektina reikšmė turi būti ambicinga, bet pasiekiama; dabartinė nepasiekiama net ir "
        "optimistiniu scenarijumi."
    ),
    (
        "Neįvertinus priežiūros išlaidų nauja infrastruktūra greitai nusidėvės, kaip jau nutiko ne "
        "vienam anksčiau įgyvendintam projektui."
    ),
    "Darbo grupė šį klausimą aptarė posėdyje ir bendru sutarimu siūlo tokį pakeitimą.",
    "Pakeitimas padės užtikrinti nuoseklumą su Kauno miesto bendruoju planu.",
    "Trumpesnis ir aiškesnis tekstas bus suprantamesnis gyventojams, kuriems planas ir skirtas.",
    (
        "Savivaldybės atlikta analizė rodo, kad miesto pakraščių seniūnijose paslaugos gerokai "
        "sunkiau pasiekiamos nei centre."
    ),
    (
        "Nevyriausybinės organizacijos šias paslaugas jau teikia ir turi patirties, todėl jų "
        "įtraukimas sumažintų išlaidas."
    ),
    (
        "Verslo asociacijų duomenimis, investuotojai pirmiausia vertina procedūrų trukmę ir darbo "
        "jėgos pasiūlą."
    ),
    "Nurodytas terminas nesuderinamas su Viešųjų pirkimų įstatyme nustatytų procedūrų trukme.",
    "Pakeitimas nekeičia nuostatos turinio, tik padaro ją aiškesnę.",
    "Be metodikos aprašo skirtingi vertintojai rodiklį apskaičiuotų skirtingai.",
    (
        "Ši sritis priklauso ir kitų darbo grupių kompetencijai, todėl atsakomybę būtina aiškiai "
        "paskirstyti."
    ),
    (
        "Panašus sprendimas sėkmingai taikomas Europos miestuose, dalyvaujančiuose misijoje „100 "
        "klimatui neutralių ir sumanių miestų“."
    ),
    (
        "Bendruomenės šį klausimą ne kartą kėlė seniūnaitijų sueigose, todėl jo neįtraukus "
        "nukentėtų pasitikėjimas planu."
    ),
    "Oficialiame dokumente anglicizmai vartotini tik tada, kai nėra lietuviško atitikmens.",
    "Kultūros paveldo objektų tvarkybai taikomi specialūs reikalavimai, kuriuos būtina paminėti.",
    "Ekspertų vertinimu, be šio papildymo priemonė nepasieks uždavinyje numatyto rezultato.",
)

# Answers to remarks by status; the rejected ones give their reasons (motyvai).
RESPONSES: dict[str, tuple[str, ...]] = {
    "accepted": (
        "Atsižvelgta. Tekstas patikslintas antrojoje plano projekto redakcijoje.",
        "Atsižvelgta. Papildyta nuoroda į atsakingą administracijos padalinį ir partnerius.",
        (
            "Atsižvelgta. Pradinė reikšmė perskaičiuota pagal naujausius Valstybės duomenų "
            "agentūros duomenis."
        ),
        "Atsižvelgta. Formuluotė pakeista pagal pasiūlymą.",
        "Atsižvelgta. Rodiklis papildytas tarpine 2026 m. reikšme.",
        "Atsižvelgta. Terminai suvienodinti visame plano tekste.",
        "Atsižvelgta. Siektina reikšmė patikslinta, įvertinus pastarųjų metų tendenciją.",
        "Atsižvelgta. Redakcinės pataisos padarytos.",
        "Atsižvelgta. Aprašas papildytas nuostata apie gyventojų įtraukimą.",
        "Atsižvelgta. Rodiklio aprašas papildytas skaičiavimo metodika ir duomenų šaltiniu.",
        "Atsižvelgta. Pasiūlymas aptartas darbo grupės posėdyje ir jam pritarta.",
        "Atsižvelgta. Sakinys perrašytas, kad būtų aiškesnis.",
        "Atsižvelgta. Partnerių sąrašas papildytas.",
    ),
    "partly_accepted": (
        (
            "Atsižvelgta iš dalies. Tekstas patikslintas, tačiau siektina reikšmė palikta, nes ji "
            "suderinta su Nacionaliniu pažangos planu."
        ),
        (
            "Atsižvelgta iš dalies. Atsakingas padalinys nurodytas, o partneriai bus įvardyti "
            "savivaldybės strateginiame veiklos plane."
        ),
        (
            "Atsižvelgta iš dalies. Papildyta nuostata dėl bendradarbiavimo, tačiau finansavimo "
            "šaltiniai bus nustatyti rengiant investicijų planą."
        ),
        (
            "Atsižvelgta iš dalies. Redakcinės pastabos įvertintos, tačiau dalies pavadinimas "
            "paliktas, nes jis atitinka patvirtintą plano struktūrą."
        ),
        (
            "Atsižvelgta iš dalies. Tarpinė reikšmė nustatyta, o rodiklio skaidymas pagal "
            "seniūnijas bus numatytas stebėsenos sistemoje."
        ),
        (
            "Atsižvelgta iš dalies. Terminas pratęstas iki 2028 m., tačiau pirmojo etapo terminas "
            "paliktas 2025 m."
        ),
        (
            "Atsižvelgta iš dalies. Formuluotė sugriežtinta, tačiau įsipareigojimo apimtis palikta "
            "tokia, kokiai pakanka numatyto finansavimo."
        ),
        (
            "Atsižvelgta iš dalies. Pasiūlymas įtrauktas kaip esamos priemonės dalis, o ne kaip "
            "atskira priemonė."
        ),
        (
            "Atsižvelgta iš dalies. Rodiklis papildytas, bet nepakeistas, kad būtų galima "
            "palyginti rezultatus su ankstesnio plano laikotarpiu."
        ),
        (
            "Atsižvelgta iš dalies. Prieinamumo nuostata įtraukta į prioriteto aprašą kaip "
            "horizontalusis principas."
        ),
        (
            "Atsižvelgta iš dalies. Pastabai dėl terminų pritarta, tačiau sakinio struktūra "
            "palikta, nes ją pakeitus pasikeistų prasmė."
        ),
        (
            "Atsižvelgta iš dalies. Pasiūlymas bus įgyvendintas rengiant techninę užduotį, o plano "
            "tekste paliktas bendresnis aprašas."
        ),
    ),
    "rejected": (
        (
            "Neatsižvelgta. Ši sritis priklauso valstybės institucijų kompetencijai, todėl "
            "savivaldybės strateginiame plane tokio įsipareigojimo prisiimti negalima."
        ),
        (
            "Neatsižvelgta. Siūlomam rodikliui apskaičiuoti nėra patikimų ir reguliariai skelbiamų "
            "duomenų."
        ),
        (
            "Neatsižvelgta. Siektina reikšmė suderinta su Nacionaliniu pažangos planu 2021–2030 "
            "m., todėl jos keisti netikslinga."
        ),
        (
            "Neatsižvelgta. Plano detalumas nustatytas pagal Strateginio valdymo metodiką; "
            "konkretūs veiksmai bus numatyti savivaldybės strateginiame veiklos plane."
        ),
        "Neatsižvelgta. Pasiūlymas nesuderinamas su Kauno miesto bendrojo plano sprendiniais.",
        (
            "Neatsižvelgta. Pasiūlymui įgyvendinti reikalingas finansavimas viršija savivaldybės "
            "biudžeto galimybes."
        ),
        (
            "Neatsižvelgta. Dabartinė formuluotė atitinka Valstybinės lietuvių kalbos komisijos "
            "rekomendacijas."
        ),
        (
            "Neatsižvelgta. Šis klausimas jau sprendžiamas kitoje plano dalyje, todėl jo kartoti "
            "nereikia."
        ),
        "Neatsižvelgta. Darbo grupė posėdyje balsų dauguma pasiūlymui nepritarė.",
        (
            "Neatsižvelgta. Pradinė reikšmė nustatyta pagal oficialius statistikos duomenis, o "
            "pastaboje nurodyti skaičiai apima kitą laikotarpį."
        ),
        (
            "Neatsižvelgta. Rodiklis paliktas nepakeistas, kad rezultatus būtų galima palyginti su "
            "ankstesnio plano laikotarpiu."
        ),
        (
            "Neatsižvelgta. Pasiūlymas peržengia strateginio plano ribas ir turėtų būti svarstomas "
            "rengiant specialųjį planą."
        ),
        (
            "Neatsižvelgta. Siūlomas terminas nerealus, atsižvelgiant į projektavimo, viešųjų "
            "pirkimų ir statybos trukmę."
        ),
    ),
    "noted": (
        (
            "Susipažinta. Pastaba informacinio pobūdžio, ji perduota atsakingam administracijos "
            "padaliniui."
        ),
        "Susipažinta. Informacija bus naudinga rengiant priemonės įgyvendinimo planą.",
        "Susipažinta. Pastaba bus įvertinta rengiant savivaldybės strateginį veiklos planą.",
        "Susipažinta. Pasiūlymas bus aptartas plano tarpinio vertinimo metu.",
        "Susipažinta. Nurodyti tyrimai bus įtraukti į plano šaltinių sąrašą.",
        "Susipažinta. Pastaba perduota Kauno miesto bendrojo plano rengėjams.",
        (
            "Susipažinta. Tekstas nekeičiamas, nes pastaboje išsakyta nuomonė, o ne konkretus "
            "pasiūlymas."
        ),
        "Susipažinta. Dėkojame už palaikymą; nuostata paliekama nepakeista.",
        "Susipažinta. Klausimas bus svarstomas sudarant investicijų projektų sąrašą.",
        "Susipažinta. Informacija perduota koordinacinei darbo grupei.",
        "Susipažinta. Pastaba bus įvertinta rengiant rodiklių skaičiavimo metodikos aprašą.",
        "Susipažinta. Konsultantai į pastabą atsižvelgs rengdami plano priedus.",
    ),
    "under_review": (
        "Svarstoma. Pastaba bus aptarta artimiausiame darbo grupės posėdyje.",
        "Svarstoma. Konsultantai tikslina duomenis su Valstybės duomenų agentūra.",
        "Svarstoma. Laukiama atsakingo administracijos padalinio išvados.",
        "Svarstoma. Pasiūlymas derinamas su kitomis darbo grupėmis, nes jis liečia kelias sritis.",
        "Svarstoma. Laukiama Finansų ir ekonomikos skyriaus vertinimo dėl įgyvendinimo kainos.",
        (
            "Svarstoma. Pastaba perduota koordinacinei darbo grupei, nes ji susijusi su plano "
            "struktūra."
        ),
        "Svarstoma. Konsultantai rengia alternatyvią formuluotę, kuri bus pateikta darbo grupei.",
        "Svarstoma. Tikrinama, ar siūlomam rodikliui yra prieinamų duomenų.",
        "Svarstoma. Klausimas derinamas su suinteresuotomis institucijomis.",
        "Svarstoma. Atsakymas bus pateiktas iki svarstymo etapo pabaigos.",
        "Svarstoma. Pastaba įtraukta į kito posėdžio darbotvarkę.",
        "Svarstoma. Vertinama, ar pasiūlymas suderinamas su bendrojo plano sprendiniais.",
        "Svarstoma. Pastabos autoriaus paprašyta patikslinti duomenų šaltinį.",
    ),
}

MEETING_PLACES: tuple[str, ...] = (
    "Kauno miesto savivaldybė, Laisvės al. 96, 203 kab.",
    "Kauno miesto savivaldybė, Laisvės al. 96, posėdžių salė (2 a.)",
    "Kauno miesto savivaldybė, Laisvės al. 96, 315 kab.",
    "KTU Santakos slėnis, K. Baršausko g. 59, konferencijų salė",
    "VDU Didžioji salė, K. Donelaičio g. 58",
    "LSMU, A. Mickevičiaus g. 9, 116 aud.",
    "Kauno prekybos, pramonės ir amatų rūmai, K. Donelaičio g. 8",
    "Kauno apskrities viešoji biblioteka, Radastų g. 2, konferencijų salė",
    "Kauno menininkų namai, V. Putvinskio g. 56",
    "Žalgirio arena, Karaliaus Mindaugo pr. 50, konferencijų salė",
    "Nuotolinis posėdis (Microsoft Teams)",
)

AGENDA_ITEMS: tuple[str, ...] = (
    "Darbo grupės nuostatų ir darbo reglamento aptarimas",
    "Darbo grupės sekretoriaus ir pirmininko pavaduotojo paskyrimas",
    "Esamos padėties analizės pristatymas (konsultantai)",
    "Plano projekto pirmosios redakcijos pristatymas",
    "Teminės srities tikslų ir uždavinių aptarimas",
    "Gautų pastabų ir pasiūlymų svarstymas",
    "Rodiklių, jų pradinių ir siektinų reikšmių aptarimas",
    "Priemonių sąrašo ir jų eiliškumo aptarimas",
    "Atsakymų į neišspręstas pastabas derinimas",
    "Pastabų ir pasiūlymų suvestinės tvirtinimas",
    "Plano projekto antrosios redakcijos pristatymas",
    "Koordinacinės darbo grupės sprendimų aptarimas",
    "Sąsajų su kitomis teminėmis sritimis aptarimas",
    "Investicijų projektų sąrašo pristatymas",
    "Viešųjų konsultacijų su gyventojais rezultatų aptarimas",
    "Plano stebėsenos ir vertinimo sistemos pristatymas",
    "Finansavimo šaltinių ir 2021–2027 m. ES fondų investicijų galimybių aptarimas",
    "Antrojo svarstymo etapo darbų plano aptarimas",
    "Savivaldybės administracijos padalinių išvadų pristatymas",
    "Konsultantų atsakymų į esmines pastabas aptarimas",
    "Darbo grupės sudėties pakeitimai",
    "Kito posėdžio datos ir darbotvarkės suderinimas",
    "Kiti klausimai",
)

MINUTES_PARAGRAPHS: tuple[str, ...] = (
    (
        "Posėdis pradėtas nustatytu laiku. Konstatuota, kad kvorumas yra: dalyvauja daugiau kaip "
        "pusė darbo grupės narių."
    ),
    "Darbotvarkei pritarta be pakeitimų.",
    (
        "Konsultantų atstovai pristatė esamos padėties analizės išvadas ir svarbiausius teminės "
        "srities iššūkius."
    ),
    (
        "Diskusijoje daugiausia dėmesio skirta rodiklių siektinoms reikšmėms; keli nariai abejojo, "
        "ar jos pasiekiamos iki 2030 m."
    ),
    "Nariai pažymėjo, kad plano projekte trūksta aiškių sąsajų su Kauno miesto bendruoju planu.",
    (
        "Pristatyta gautų pastabų suvestinė: daugiausia pastabų pateikta dėl rodiklių ir jų "
        "duomenų šaltinių."
    ),
    (
        "Aptarta, kaip svarstyti pastabas, kurios liečia kelių darbo grupių sritis; sutarta jas "
        "perduoti koordinacinei darbo grupei."
    ),
    (
        "Savivaldybės administracijos atstovas informavo apie 2021–2027 m. ES fondų investicijų "
        "kvietimų grafiką."
    ),
    (
        "Diskusijoje išsakyta nuomonė, kad priemonės turėtų būti labiau nukreiptos į miesto "
        "pakraščių seniūnijas."
    ),
    (
        "Sutarta, kad pastabos, kurių autoriai posėdyje nedalyvauja, bus svarstomos pagal raštu "
        "pateiktą pagrindimą."
    ),
    (
        "Konsultantai įsipareigojo iki kito posėdžio pateikti patikslintą rodiklių sąrašą su "
        "skaičiavimo metodikos aprašais."
    ),
    "Dėl ginčytinų pastabų balsuota; sprendimai priimti dalyvaujančių narių balsų dauguma.",
    (
        "Pažymėta, kad dalis pastabų yra redakcinės ir gali būti išspręstos darbo tvarka, "
        "neteikiant jų svarstyti posėdyje."
    ),
    (
        "Aptarti viešųjų konsultacijų su gyventojais rezultatai: apklausoje dalyvavo daugiau kaip "
        "2 tūkst. kauniečių."
    ),
    (
        "Nariai atkreipė dėmesį, kad kai kurių rodiklių pradinės reikšmės nurodytos skirtingiems "
        "metams."
    ),
    (
        "Universitetų atstovai pasiūlė pasidalyti turimais tyrimų duomenimis, kurie galėtų būti "
        "naudojami rodiklių stebėsenai."
    ),
    (
        "Verslo atstovai pabrėžė investicinių projektų derinimo trukmės svarbą ir pasiūlė ją "
        "stebėti kaip atskirą rodiklį."
    ),
    (
        "Sutarta pastabų teikimo termino nepratęsti, tačiau vėliau gautas pastabas įvertinti kaip "
        "informacinio pobūdžio."
    ),
    (
        "Posėdyje dalyvavo kitų darbo grupių atstovai, kurie pristatė su šia tema susijusias savo "
        "srities pastabas."
    ),
    "Diskusija dėl priemonių finansavimo šaltinių nebaigta; klausimas perkeltas į kitą posėdį.",
    (
        "Priminta, kad pastabos teikiamos programa KPlan, nurodant cituojamą ištrauką, siūlomą "
        "pakeitimą ir pagrindimą."
    ),
    (
        "Koordinacinės darbo grupės atstovas informavo apie bendrą plano rengimo eigą ir kitų "
        "darbo grupių pažangą."
    ),
    "Keli nariai išsakė atskirąją nuomonę dėl priemonių eiliškumo; ji pridedama prie protokolo.",
    (
        "Posėdis baigtas nustatytu laiku. Protokolo projektas bus išsiųstas nariams derinti per "
        "tris darbo dienas."
    ),
)

DECISIONS: tuple[str, ...] = (
    "Nutarta: pritarti darbo grupės darbo reglamentui.",
    "Nutarta: pritarti pastabų ir pasiūlymų suvestinei su posėdyje padarytais pakeitimais.",
    (
        "Nutarta: pavesti konsultantams iki kito posėdžio patikslinti rodiklių pradines reikšmes "
        "ir duomenų šaltinius."
    ),
    (
        "Nutarta: pastabas, susijusias su keliomis teminėmis sritimis, perduoti svarstyti "
        "koordinacinei darbo grupei."
    ),
    (
        "Nutarta: iš esmės pritarti pirmosios plano projekto redakcijos teminės srities tikslams "
        "ir uždaviniams."
    ),
    (
        "Nutarta: nepritarti pasiūlymui keisti tikslo siektiną reikšmę, nes ji suderinta su "
        "nacionaliniais tikslais."
    ),
    "Nutarta: redakcines pastabas spręsti darbo tvarka, o esmines pastabas svarstyti posėdyje.",
    "Nutarta: kitą posėdį sušaukti pasibaigus pastabų teikimo terminui.",
    (
        "Nutarta: prašyti savivaldybės administracijos padalinių pateikti išvadas dėl priemonių "
        "finansavimo."
    ),
    (
        "Nutarta: papildyti priemonių sąrašą nauja priemone ir pavesti konsultantams parengti jos "
        "aprašą."
    ),
    "Nutarta: pastabų teikimo termino nekeisti.",
    "Nutarta: paskirti darbo grupės sekretorių ir pirmininko pavaduotoją.",
    "Nutarta: pritarti atsakymams į pastabas, dėl kurių darbo grupėje nebuvo nesutarimų.",
    "Nutarta: ginčytinus atsakymus grąžinti konsultantams patikslinti ir pateikti pakartotinai.",
    "Nutarta: kreiptis į universitetus dėl rodiklių stebėsenai reikalingų duomenų teikimo.",
    "Nutarta: pritarti antrajai plano projekto redakcijai ir teikti ją koordinacinei darbo grupei.",
    "Nutarta: surengti bendrą posėdį su kita darbo grupe dėl persidengiančių priemonių.",
    (
        "Nutarta: įpareigoti narius iki nustatyto termino pateikti pastabas elektroniniu būdu "
        "programa KPlan."
    ),
    "Nutarta: siūlyti koordinacinei darbo grupei papildyti plano stebėsenos rodiklių sąrašą.",
    (
        "Nutarta: pavesti darbo grupės sekretoriatui parengti pastabų ir pasiūlymų suvestinę ir "
        "išsiųsti ją konsultantams."
    ),
    (
        "Nutarta: pritarti viešųjų konsultacijų rezultatų apibendrinimui ir paskelbti jį "
        "savivaldybės interneto svetainėje."
    ),
    "Nutarta: informaciją apie plano rengimo eigą priimti žiniai.",
    (
        "Nutarta: pritarti darbo grupės sudėties pakeitimams ir teikti juos tvirtinti "
        "koordinacinei darbo grupei."
    ),
)

# Review rounds (svarstymo etapai): name, opens, closes (ISO dates).
ROUNDS: tuple[tuple[str, str, str], ...] = (
    ("I svarstymo etapas: plano projekto pirmoji redakcija", "2023-03-01", "2023-04-15"),
    ("II svarstymo etapas: patikslinta plano projekto redakcija", "2023-09-04", "2023-10-13"),
)
