"""What an import stored and said, by file name, and sentences of the seed corpus: for
tests of readers of tables."""

from __future__ import annotations

from pathlib import Path

from desktop.importing import ImportReport
from desktop.store.store import Store


def imported(store: Store) -> dict[str, tuple[str | None, str | None, str, str]]:
    """Each document by its source's name (and row): its title, outlet, date and text."""
    rows = list(store.documents())
    texts = store.texts([r.id for r in rows])
    return {
        Path(r.source_path).name: (r.title, r.outlet, str(r.published), texts[r.id]) for r in rows
    }


def said(report: ImportReport) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """What the report skipped and noted, by file name."""
    return (
        sorted((Path(s).name, why) for s, why in report.skipped),
        sorted((Path(s).name, note) for s, note in report.notes),
    )


# from the seed corpus: SANA's and Enab Baladi's coverage
GENEVA = (
    "عقد وفد الجمهورية العربية السورية برئاسة الدكتور بشار الجعفري جلسة محادثات مع مبعوث "
    "الأمم المتحدة الخاص إلى سورية ستافان دي ميستورا في مقر الأمم المتحدة في جنيف اليوم في "
    "مستهل الجولة السابعة من الحوار السوري السوري."
)
PLEDGE = (
    "وتعهد دي ميستورا في تصريح للصحفيين ببذل جهود كبيرة في الدفع بمسيرة المحادثات السورية في جنيف."
)
JEFFREY = (
    "أعلن الممثل الأمريكي الخاص لشؤون سوريا، جيمس جيفري، أن أمريكا وروسيا تجريان محادثات "
    "لإنهاء الأزمة السورية في حال تمت الموافقة على سلسلة خطوات."
)
QUOTE = (
    "لكن المبعوث الأمريكي أكد أنه “لم نرَ خطوات مثل وقف إطلاق نار في إدلب أو اجتماع لجنة "
    "دستورية، من أجل إعطائنا ثقة بأن نظام الأسد يفهم حقًا ما يجب أن يفعله لإنهاء هذا النزاع”."
)
