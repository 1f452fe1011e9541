"""A small plan for the document tests: Lithuanian sections, groups, people, long remarks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kplan_desktop.core.model import SectionKind
from kplan_desktop.store import actions
from kplan_desktop.store.workspace import Workspace
from tests.helpers import make_plan

LT_LETTERS = "ąčęėįšųūž ĄČĘĖĮŠŲŪŽ „kabutės“ – brūkšnys"

SECTIONS = [
    # (code, parent code, kind, title, body)
    ("1", None, "priority", "Sumani ir atvira visuomenė",
     "Kaunas – miestas, kuriame gera gyventi, mokytis ir dirbti.\n\n"
     "Prioritetas apima švietimą, kultūrą ir bendruomenių įtraukimą."),
    ("1.1", "1", "goal", "Užtikrinti kokybišką ir prieinamą švietimą",
     "Ugdymo įstaigų tinklas pritaikomas gyventojų poreikiams.\n"
     "Mokyklų pastatai modernizuojami."),
    ("1.1.1", "1.1", "objective", "Modernizuoti bendrojo ugdymo mokyklas",
     "Iki 2030 m. atnaujinti 40 mokyklų pastatų ir įrengti gamtos mokslų laboratorijas."),
    ("1.1.1-R1", "1.1.1", "indicator", "Atnaujintų mokyklų skaičius",
     "Skaičiuojami pastatai, kuriuose baigti visi darbai."),
    ("1.1.1.1", "1.1.1", "measure", "Mokyklų pastatų energetinis atnaujinimas",
     "Priemonė apima pastatų šiltinimą, šildymo sistemų keitimą ir saulės elektrinių "
     "įrengimą ant stogų."),
    ("2", None, "priority", "Darni ir patogi miesto aplinka",
     "Ąžuolynas, Nemuno ir Neries krantinės – miesto žalioji ašis."),
    ("2.1", "2", "goal", "Plėtoti darnų judumą",
     "Viešasis transportas, dviračių takai ir pėsčiųjų zonos sudaro vientisą tinklą."),
]

INDICATOR = {"unit": "vnt.", "baseline": "12 (2023 m.)", "target": "40"}


@dataclass
class DocPlan:
    ws: Workspace
    sections: dict[str, str] = field(default_factory=dict)  # code -> id
    groups: dict[str, str] = field(default_factory=dict)  # code -> id
    people: dict[str, str] = field(default_factory=dict)  # name -> id
    rounds: dict[str, str] = field(default_factory=dict)  # name -> id
    remarks: list[str] = field(default_factory=list)


def in_order(expected: str, words: list[str]) -> bool:
    """Every word of ``expected`` stands in ``words``, in order (other text may come between:
    the other cells of a row, or a page's header and footer where a row is split)."""
    it = iter(words)
    return all(word in it for word in expected.split())


def remark_window(words: list[str], text: str) -> list[str]:
    """The words from a remark's "Pastaba Nr. N:" to the next remark's."""
    marker = text.split()[:3]
    for i in range(len(words) - 2):
        if words[i : i + 3] == marker:
            for j in range(i + 3, len(words) - 1):
                if words[j : j + 2] == ["Pastaba", "Nr."]:
                    return words[i:j]
            return words[i:]
    return []


def long_text(n_sentences: int, tag: str) -> str:
    """Distinct sentences, so a reader can find each one in the output."""
    return " ".join(
        f"Sakinys {tag}-{i}: siūlome patikslinti įgyvendinimo terminus ir šaltinius "
        f"(ąčęėįšųūž „{i}“)." for i in range(n_sentences)
    )


def build_doc_plan(path: Path, *, remarks_per_section: int = 2,
                   very_long: bool = False) -> DocPlan:
    ws = make_plan(path, title="Kauno miesto strateginis plėtros planas iki 2030 m.")
    plan = DocPlan(ws)
    for code, name in (("ŠVI", "Švietimo darbo grupė"), ("JUD", "Judumo darbo grupė")):
        plan.groups[code] = actions.add_group(ws, code=code, name=name)
    for name, group in (("Jonas Petraitis", "ŠVI"), ("Žydrūnė Šeškuvienė", "ŠVI"),
                        ("Ąžuolas Čepulis", "JUD")):
        plan.people[name] = actions.add_person(ws, full_name=name,
                                               group_id=plan.groups[group])
    plan.rounds["I etapas"] = actions.add_round(ws, name="I etapas", opens="2024-01-01",
                                                closes="2024-12-31")
    for code, parent, kind, title, body in SECTIONS:
        group = plan.groups["ŠVI"] if code.startswith("1") else plan.groups["JUD"]
        extra = INDICATOR if kind == "indicator" else {}
        plan.sections[code] = actions.add_section(
            ws, parent_id=plan.sections[parent] if parent else None, kind=SectionKind(kind),
            code=code, title=title, body=body,
            responsible_group_id=group if parent is None else None, **extra,
        )
    authors = list(plan.people.values())
    n = 0
    for code, _, kind, _, body in SECTIONS:
        if kind == "indicator":
            continue
        for i in range(remarks_per_section):
            author = authors[n % len(authors)]
            quote = body.split(".")[0][:40] if i % 2 == 0 else ""
            text = f"Pastaba Nr. {n}: {LT_LETTERS}. " + long_text(1 + (n % 4) * 3, f"R{n}")
            plan.remarks.append(actions.add_remark(
                ws, section_id=plan.sections[code], remark_type=("general", "technical",
                                                                  "editorial")[n % 3],
                text=text, quote=quote, proposed=f"Siūlymas {n}: papildyti – „{code}“.",
                justification=f"Pagrindimas {n}." if n % 2 else "",
                actor=ws.actor(author), created_at=f"2024-03-{1 + n % 28:02d}T10:00:00+00:00",
            ))
            n += 1
    if very_long:
        plan.remarks.append(actions.add_remark(
            ws, section_id=plan.sections["2.1"], remark_type="technical",
            text=f"Pastaba Nr. {n}: labai ilga. " + long_text(120, "ILGA"),
            actor=ws.actor(authors[2]),
            created_at="2024-04-01T10:00:00+00:00",
        ))
    for i, remark_id in enumerate(plan.remarks[::3]):
        status = ("accepted", "partly_accepted", "rejected", "noted")[i % 4]
        actions.answer_remark(ws, remark_id, status, f"Atsakymas {i}: motyvai – „gerai“.")
    return plan
