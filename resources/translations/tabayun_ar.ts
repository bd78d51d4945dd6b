<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>ActorView</name>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="147"/>
        <source>(unknown)</source>
        <extracomment>number of mentions of a label / verb in one outlet framing category of the row&apos;s label (None when the lexicon gives none) document id of the example sentence of a heatmap cell store offset (code points) of the label in that example document document id of a quotation or a concordance line store offset (code points) of a quotation or a concordance match the row&apos;s label (heatmap) or verb (verbs table) the column&apos;s outlet quotation kind: direct, indirect, partial quotations read at a time (the first page with the actor, more as the table scrolls) the quotations&apos; document column takes at most this share of the table&apos;s width qualitative colours for outlets (bars and legend), assigned in the order of outlet names pale to dark purple: a count, in no framing category&apos;s colour (red is «delegitimising»)</extracomment>
        <translation>(غير معروفة)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1018"/>
        <source>Export table…</source>
        <extracomment>the actor chosen while the view was hidden, read when it is shown the actor being read, until it is shown</extracomment>
        <translation>تصدير الجدول…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1019"/>
        <source>Save the label table as CSV</source>
        <translation>حفظ جدول التسميات بصيغة CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1021"/>
        <source>Save chart…</source>
        <translation>حفظ المخطط…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1022"/>
        <source>Save the coverage chart as PNG</source>
        <translation>حفظ مخطط التغطية بصيغة PNG</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1252"/>
        <source>How each outlet labels the actor (double-click a cell for its example)</source>
        <translation>كيف تسمّي كل وسيلة إعلامية الفاعل (انقر نقرًا مزدوجًا على خلية لعرض مثالها)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1081"/>
        <source>The spelling whose concordance is shown</source>
        <translation>الصيغة الإملائية التي تُعرض سياقات ورودها</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1087"/>
        <source>Spelling:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1096"/>
        <source>Concordance</source>
        <translation>سياقات الورود</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1097"/>
        <source>Quotations</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1098"/>
        <source>Speech verbs</source>
        <translation>أفعال القول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1099"/>
        <source>Coverage</source>
        <translation>التغطية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1199"/>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1254"/>
        <source>No outlet labels this actor: they only name it (its names are in the concordance)</source>
        <translation>لا تصف أي وسيلة إعلامية هذا الفاعل بتسمية: تكتفي بذكر اسمه (أسماؤه في سياقات الورود)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1275"/>
        <source>Could not load: {0}</source>
        <translation>تعذّر التحميل: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1280"/>
        <source>person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1281"/>
        <source>organisation</source>
        <translation>منظمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1282"/>
        <source>armed group</source>
        <translation>جماعة مسلحة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1283"/>
        <source>state or government</source>
        <translation>دولة أو حكومة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1284"/>
        <source>place</source>
        <translation>مكان</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1285"/>
        <source>media</source>
        <translation>وسيلة إعلامية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1288"/>
        <source>1 mention</source>
        <translation>الإشارات: 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1288"/>
        <source>{0} mentions</source>
        <translation>الإشارات: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1290"/>
        <source>1 document</source>
        <translation>المستندات: 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1290"/>
        <source>{0} documents</source>
        <translation>المستندات: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1292"/>
        <source>1 outlet</source>
        <translation>الوسائل الإعلامية: 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1292"/>
        <source>{0} outlets</source>
        <translation>الوسائل الإعلامية: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1295"/>
        <source>labelled once</source>
        <translation>مرات التسمية: 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1295"/>
        <source>labelled {0} times</source>
        <translation>مرات التسمية: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1298"/>
        <source>quoted once</source>
        <translation>مرات الاقتباس: 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1298"/>
        <source>quoted {0} times</source>
        <translation>مرات الاقتباس: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1300"/>
        <source>{0} · {1} in {2} · {3} · {4} · {5}</source>
        <translation>{0} · {1} · {2} · {3} · {4} · {5}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1355"/>
        <source>Export table</source>
        <translation>تصدير الجدول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1355"/>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1362"/>
        <source>Could not save: {0}</source>
        <translation>تعذّر الحفظ: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1364"/>
        <location filename="../../desktop/ui/actor_view.py" line="1372"/>
        <source>Saved {0}</source>
        <translation>تم حفظ {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1367"/>
        <source>Save chart</source>
        <translation>حفظ المخطط</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1367"/>
        <source>PNG images (*.png)</source>
        <translation>صور PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="1374"/>
        <source>Could not save {0}</source>
        <translation>تعذّر حفظ {0}</translation>
    </message>
</context>
<context>
    <name>CompareActorsModel</name>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="196"/>
        <source>Actor</source>
        <extracomment>background of a shared actor whom the two sides label or quote differently</extracomment>
        <translation>الفاعل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="197"/>
        <source>A labels</source>
        <translation>تسميات A</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="198"/>
        <source>B labels</source>
        <translation>تسميات B</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="199"/>
        <source>A verbs</source>
        <translation>أفعال A</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="200"/>
        <source>B verbs</source>
        <translation>أفعال B</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="201"/>
        <source>A quotes</source>
        <translation>اقتباسات A</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="202"/>
        <source>B quotes</source>
        <translation>اقتباسات B</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="203"/>
        <source>A voice %</source>
        <translation>حصة صوت A (%)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="204"/>
        <source>B voice %</source>
        <translation>حصة صوت B (%)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="232"/>
        <source>{0} (+{1} reported)</source>
        <translation>{0} (+{1} بصياغة الوسيلة)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="238"/>
        <source>{0} · {1}
A: {2} mentions · B: {3} mentions</source>
        <translation>{0} · {1}
إشارات A: {2} · إشارات B: {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="242"/>
        <source>The two sides label or quote this actor differently.</source>
        <translation>يختلف الجانبان في تسمية هذا الفاعل أو في نقل أقواله.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="247"/>
        <source>No labels</source>
        <translation>لا توجد تسميات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="250"/>
        <source>No speech verbs</source>
        <translation>لا توجد أفعال قول</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="252"/>
        <source>Not quoted</source>
        <translation>لم تُنقل أقواله</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="254"/>
        <source>and {0} statements reported in the outlet&apos;s words</source>
        <translation>و{0} تصريحات نقلتها الوسيلة بصياغتها</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="258"/>
        <source>{0} quoted words ({1:.1%} of all quoted words)</source>
        <translation>الكلمات المقتبسة: {0} ({1:.1%} من مجموع الكلمات المقتبسة)</translation>
    </message>
</context>
<context>
    <name>CompareEventsModel</name>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="406"/>
        <source>Reported by</source>
        <extracomment>the columns of what each side wrote</extracomment>
        <translation>ورد في</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="407"/>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="408"/>
        <source>In A</source>
        <translation>في A</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="409"/>
        <source>In B</source>
        <translation>في B</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="410"/>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="411"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="414"/>
        <source>Both</source>
        <translation>كليهما</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="415"/>
        <source>Only A</source>
        <translation>A فقط</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="416"/>
        <source>Only B</source>
        <translation>B فقط</translation>
    </message>
</context>
<context>
    <name>CompareSide</name>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="634"/>
        <source>Pick the document for this side</source>
        <extracomment>a trigger column&apos;s least width: a few words, before the rest is cut with «…» the room each side keeps clear at its edge beside the other</extracomment>
        <translation>اختر المستند لهذا الجانب</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="648"/>
        <source>Open in reader</source>
        <translation>فتح في القراءة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="674"/>
        <source>Outlet unknown</source>
        <translation>وسيلة إعلامية غير معروفة</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="744"/>
        <source>Scroll both articles together</source>
        <translation>تمرير المقالتين معًا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="741"/>
        <source>Scroll together</source>
        <extracomment>(document id, code-point offset): show this document in the reader the outlets compared last (shown when ``mode`` is &quot;outlets&quot;) the documents the pickers list are to be read (again) when the view is shown the comparison shown is to be made again when the view is next shown</extracomment>
        <translation>تمرير متزامن</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="749"/>
        <source>Previous aligned passage (Alt+Up)</source>
        <translation>المقطع المتقابل السابق (Alt+Up)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="753"/>
        <source>Next aligned passage (Alt+Down)</source>
        <translation>المقطع المتقابل التالي (Alt+Down)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="772"/>
        <location filename="../../desktop/ui/compare_view.py" line="1018"/>
        <source>Pick or drop two documents to compare them.</source>
        <translation>اختر مستندين أو أفلتهما هنا لمقارنتهما.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="812"/>
        <location filename="../../desktop/ui/compare_view.py" line="994"/>
        <source>Aligned passages</source>
        <translation>المقاطع المتقابلة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="914"/>
        <source>Only in A</source>
        <translation>في A فقط</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="915"/>
        <source>Only in B</source>
        <translation>في B فقط</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="884"/>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="747"/>
        <source>Previous passage</source>
        <translation>المقطع السابق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="751"/>
        <source>Next passage</source>
        <translation>المقطع التالي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="882"/>
        <source>Both sides</source>
        <translation>في الجانبين</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="883"/>
        <source>One side</source>
        <translation>في جانب واحد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="968"/>
        <source>Choose two different articles to compare.</source>
        <translation>اختر مقالين مختلفين للمقارنة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="970"/>
        <location filename="../../desktop/ui/compare_view.py" line="1025"/>
        <source>Comparing…</source>
        <translation>جارٍ إجراء المقارنة…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1099"/>
        <source>Comparison failed: {0}</source>
        <translation>تعذّرت المقارنة: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1130"/>
        <source>outlet unknown</source>
        <translation>وسيلة إعلامية غير معروفة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1132"/>
        <source>A: {0} ↔ B: {1}</source>
        <translation>A: {0} ↔ B: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1152"/>
        <source>A: {0} ({1} documents) ↔ B: {2} ({3} documents)</source>
        <translation>A: {0} (المستندات: {1}) ↔ B: {2} (المستندات: {3})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1202"/>
        <source>{0} actors named in both, {1} of them framed differently</source>
        <translation>فاعلون ورد ذكرهم في الاثنين: {0}، منهم {1} بتأطير مختلف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1213"/>
        <source>Events ({0})</source>
        <translation>الأحداث ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1214"/>
        <source>{0} events in both · {1} only in A · {2} only in B</source>
        <translation>أحداث مشتركة: {0} · في A فقط: {1} · في B فقط: {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="917"/>
        <source>Only in A ({0})</source>
        <translation>في A فقط ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="918"/>
        <source>Only in B ({0})</source>
        <translation>في B فقط ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1201"/>
        <source>Both sides ({0})</source>
        <extracomment>rows fitted to their text; those below keep the default height (two outlets may share a thousand actors, fitted on every resize) lines a row of the actors&apos; table shows at most (its tooltip has the rest) the widest a column of the events table beside the sides&apos; triggers is fitted to</extracomment>
        <translation>في الجانبين ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1207"/>
        <source>One side ({0})</source>
        <translation>في جانب واحد ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1208"/>
        <source>{0} actors named only in A · {1} only in B</source>
        <translation>فاعلون ذكرهم A وحده: {0} · ذكرهم B وحده: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1223"/>
        <source>Aligned passages ({0})</source>
        <translation>المقاطع المتقابلة ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1283"/>
        <source>No aligned passages</source>
        <translation>لا توجد مقاطع متقابلة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1285"/>
        <source>Aligned passages: {0}</source>
        <translation>المقاطع المتقابلة: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="1287"/>
        <source>Passage {0} of {1}</source>
        <translation>المقطع {0} من {1}</translation>
    </message>
</context>
<context>
    <name>CoverageChart</name>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="834"/>
        <source>Documents mentioning the actor, per month</source>
        <translation>المستندات التي تذكر الفاعل، شهريًا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="844"/>
        <source>No documents</source>
        <translation>لا توجد مستندات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="946"/>
        <source>undated</source>
        <translation>بلا تاريخ</translation>
    </message>
</context>
<context>
    <name>DocumentChoiceModel</name>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="515"/>
        <source>(unknown)</source>
        <translation>(غير معروفة)</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="363"/>
        <source>No document selected</source>
        <extracomment>background shades under the marks (aligned passages in the compare view)</extracomment>
        <translation>لم يُحدَّد أي مستند</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="382"/>
        <source>Outlet unknown</source>
        <translation>وسيلة إعلامية غير معروفة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="383"/>
        <source>Date unknown</source>
        <translation>تاريخ غير معروف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="384"/>
        <source>{0} words</source>
        <translation>{0} كلمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="390"/>
        <source>1 mention</source>
        <translation>إشارة واحدة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="392"/>
        <source>{0} mentions</source>
        <translation>الإشارات: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="395"/>
        <source>1 quotation</source>
        <translation>اقتباس واحد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="397"/>
        <source>{0} quotations</source>
        <translation>الاقتباسات: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="499"/>
        <source>{0} found</source>
        <translation>النتائج: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="512"/>
        <source>{0} of {1}</source>
        <translation>{0} من {1}</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../desktop/ui/document_model.py" line="148"/>
        <source>Title</source>
        <extracomment>documents fetched per query when the view asks for a row not at hand fetched pages kept (least recently used dropped first): 32 × 256 rows page number → its rows (None: the document is gone from the store) pages fetched from the source since the model was made</extracomment>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_model.py" line="149"/>
        <source>Outlet</source>
        <translation>الوسيلة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_model.py" line="150"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_model.py" line="151"/>
        <source>Words</source>
        <translation>الكلمات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_model.py" line="325"/>
        <source>(unknown)</source>
        <translation>(غير معروفة)</translation>
    </message>
</context>
<context>
    <name>EntitySidebar</name>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="110"/>
        <source>The edit stopped unexpectedly.</source>
        <translation>توقّف التعديل على نحو غير متوقع.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="127"/>
        <source>Filter by name or alias…</source>
        <extracomment>the running edit&apos;s title, and whether its result is selected when it ends</extracomment>
        <translation>تصفية بالاسم أو الاسم البديل…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="139"/>
        <source>By name</source>
        <translation>حسب الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="139"/>
        <source>By mentions</source>
        <translation>حسب الإشارات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="139"/>
        <source>By documents</source>
        <translation>حسب المستندات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="208"/>
        <source>Edits are off while articles are imported or analysed.</source>
        <translation>التعديلات معطّلة ريثما تُستورد المقالات أو تُحلَّل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="241"/>
        <source>Rename…</source>
        <translation>إعادة تسمية…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="244"/>
        <source>Merge selected</source>
        <translation>دمج المحدَّد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="246"/>
        <source>Split alias…</source>
        <translation>فصل اسم بديل…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="248"/>
        <source>Change type…</source>
        <translation>تغيير النوع…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="250"/>
        <source>Add alias…</source>
        <translation>إضافة اسم بديل…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="251"/>
        <source>Confirm</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="253"/>
        <source>Ignore</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="255"/>
        <source>Ignored actors…</source>
        <translation>الفاعلون المتجاهَلون…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="257"/>
        <location filename="../../desktop/ui/entity_sidebar.py" line="606"/>
        <source>Undo last edit</source>
        <translation>التراجع عن آخر تعديل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="259"/>
        <location filename="../../desktop/ui/entity_sidebar.py" line="508"/>
        <location filename="../../desktop/ui/entity_sidebar.py" line="516"/>
        <source>Change type</source>
        <translation>تغيير النوع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="308"/>
        <source>&lt;span style=&apos;background:{0}; color:black&apos;&gt;&amp;nbsp;Shaded&amp;nbsp;&lt;/span&gt; passages are quotations, a shade per speaker; labels are underlined &lt;span style=&apos;color:{1}&apos;&gt;official&lt;/span&gt;, &lt;span style=&apos;color:{2}&apos;&gt;neutral&lt;/span&gt;, &lt;span style=&apos;color:{3}&apos;&gt;delegitimising&lt;/span&gt; or &lt;span style=&apos;color:{4}&apos;&gt;legitimising&lt;/span&gt;; &lt;i&gt;italic&lt;/i&gt; names were found in the texts, not yet confirmed.</source>
        <translation>&lt;span style=&apos;background:{0}; color:black&apos;&gt;&amp;nbsp;المقاطع المظللة&amp;nbsp;&lt;/span&gt; اقتباسات، لكل متحدث ظل؛ وتحت التسميات خط &lt;span style=&apos;color:{1}&apos;&gt;رسمي&lt;/span&gt; أو &lt;span style=&apos;color:{2}&apos;&gt;محايد&lt;/span&gt; أو &lt;span style=&apos;color:{3}&apos;&gt;نازع للشرعية&lt;/span&gt; أو &lt;span style=&apos;color:{4}&apos;&gt;مانح للشرعية&lt;/span&gt;؛ والأسماء &lt;i&gt;المائلة&lt;/i&gt; وُجدت في النصوص ولم تُؤكَّد بعد.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="417"/>
        <source>Rename entity</source>
        <translation>إعادة تسمية الكيان</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="419"/>
        <source>New name of «{0}»:</source>
        <translation>الاسم الجديد لـ«{0}»:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="439"/>
        <source>«{0}» is already the name of another actor ({1}). Merge «{2}» into it instead? «{0}» keeps its name.</source>
        <translation>«{0}» هو اسم فاعلٍ آخر ({1}). هل تريد دمج «{2}» فيه بدلًا من ذلك؟ سيحتفظ «{0}» باسمه.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="442"/>
        <location filename="../../desktop/ui/entity_sidebar.py" line="443"/>
        <location filename="../../desktop/ui/entity_sidebar.py" line="474"/>
        <location filename="../../desktop/ui/entity_sidebar.py" line="544"/>
        <location filename="../../desktop/ui/entity_sidebar.py" line="546"/>
        <source>Merge entities</source>
        <translation>دمج الكيانات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="448"/>
        <source>«{0}» is already a name of {1}: written so in an article, it names {2}, not «{3}». Rename «{3}» to «{0}» all the same?</source>
        <translation>«{0}» اسمٌ لـ{1} من قبل: إذا كُتب هكذا في مقالةٍ دلّ على {2} لا على «{3}». هل تريد إعادة تسمية «{3}» باسم «{0}» مع ذلك؟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="476"/>
        <source>Merge «{0}» into «{1}»? «{1}» keeps its name.</source>
        <translation>هل تريد دمج «{0}» في «{1}»؟ سيحتفظ «{1}» باسمه.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="491"/>
        <source>Split an alias</source>
        <translation>فصل اسم بديل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="494"/>
        <source>«{0}» has no alias to split off.</source>
        <translation>ليس لـ«{0}» اسم بديل يمكن فصله.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="496"/>
        <source>Alias of «{0}» that names another entity:</source>
        <translation>الاسم البديل لـ«{0}» الذي يدل على كيان آخر:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="507"/>
        <source>New type of «{0}»:</source>
        <translation>النوع الجديد لـ«{0}»:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="523"/>
        <source>Add an alias</source>
        <translation>إضافة اسم بديل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="524"/>
        <source>Another name of «{0}»:</source>
        <translation>اسم آخر لـ«{0}»:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="536"/>
        <source>«{0}» is already the name of {1}. Merge {2} into «{3}» instead of adding the alias? «{3}» keeps its name.</source>
        <translation>«{0}» هو اسم {1}. هل تريد دمج {2} في «{3}» بدلًا من إضافة الاسم البديل؟ سيحتفظ «{3}» باسمه.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="550"/>
        <source>«{0}» is also a name of {1}. As an alias of «{2}», what is written so would count as «{2}»&apos;s mentions. Add it?</source>
        <translation>«{0}» اسمٌ لـ{1} أيضًا. إن صار اسمًا بديلًا لـ«{2}» فستُحسب الإشارات المكتوبة هكذا إشاراتٍ إلى «{2}». هل تريد إضافته؟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="577"/>
        <source>1 mention</source>
        <translation>إشارة واحدة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="577"/>
        <source>{0} mentions</source>
        <translation>الإشارات: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="566"/>
        <source>no mention written so</source>
        <translation>لا إشارة مكتوبة هكذا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="432"/>
        <source>«{0}» is already the name of an actor you ignored: bring it back (Ignored actors…) to merge them.</source>
        <translation>«{0}» هو اسم فاعلٍ تجاهلتَه: استعِده (الفاعلون المتجاهَلون…) لتدمجهما.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="569"/>
        <source>1 mention written so</source>
        <translation>إشارة واحدة مكتوبة هكذا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="571"/>
        <source>{0} mentions written so</source>
        <translation>الإشارات المكتوبة هكذا: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="573"/>
        <source>«{0}» ({1})</source>
        <translation>«{0}» ({1})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="583"/>
        <source>Confirm entity</source>
        <translation>تأكيد الكيان</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="589"/>
        <source>Ignore entity</source>
        <translation>تجاهل الكيان</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="599"/>
        <source>Ignored actors</source>
        <translation>الفاعلون المتجاهَلون</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="600"/>
        <source>Ignored actor to bring back:</source>
        <translation>الفاعل المتجاهَل المراد استعادته:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_sidebar.py" line="685"/>
        <source>Analysing again: %v of %m documents</source>
        <translation>إعادة التحليل: %v من %m وثيقة</translation>
    </message>
</context>
<context>
    <name>EntityTreeModel</name>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="284"/>
        <source>Name</source>
        <extracomment>internal id of a type (top-level) row; an entity row carries its type row + 1 outlets a tooltip names (the others are counted) entities of a type read and given to the view at first, and more each time it is scrolled to the end of them: a corpus can name tens of thousands of people, and the view and the filter proxy handle every row they are given (a screen shows some 30) combined once: the view asks for every row&apos;s flags, and each ``|`` of Qt enums costs entity id → the keys a filter looks in (target id, source ids): the user dropped these entities onto ``target`` a page read showed that the store changed since the model was filled (an analysis writing): paging on would list an entity twice or miss one, so the model stops where it is and whoever filled it should fill it again per type: (entities, their mentions) per type: the ids of the first entities in the order, as read so far the rows read, by entity id (a jump far down reads the ids of the rows between, and the rows of those shown only) the filter&apos;s text, as typed (&quot;&quot;: every entity) rows with their aliases seen and outlets read, by entity id</extracomment>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="284"/>
        <source>Mentions</source>
        <translation>الإشارات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="284"/>
        <source>Docs</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="285"/>
        <source>Documents that mention it</source>
        <translation>المستندات التي تذكره</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="696"/>
        <source>{0} ({1})</source>
        <extracomment>how many of each type&apos;s entities the view has been given (the first ones) entity id → (type row, row), of the entities read ``pages_changed`` was emitted (or the model is being filled)</extracomment>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="719"/>
        <source>Seen as: {0}</source>
        <translation>ورد بصيغة: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="721"/>
        <source>Outlets: {0}</source>
        <translation>الوسائل الإعلامية: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="737"/>
        <source>and {0} more</source>
        <translation>و{0} غيرها</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="744"/>
        <source>1 document, 1 mention</source>
        <translation>المستندات: 1، الإشارات: 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="745"/>
        <source>1 document, {0} mentions</source>
        <translation>المستندات: 1، الإشارات: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="747"/>
        <source>{0} documents, 1 mention</source>
        <translation>المستندات: {0}، الإشارات: 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="748"/>
        <source>{0} documents, {1} mentions</source>
        <translation>المستندات: {0}، الإشارات: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entity_model.py" line="724"/>
        <source>discovered — not confirmed</source>
        <translation>مكتشَف آليًا — غير مؤكَّد</translation>
    </message>
</context>
<context>
    <name>EntityTypes</name>
    <message>
        <location filename="../../desktop/ui/palette.py" line="59"/>
        <source>People</source>
        <extracomment>background of a mention, by entity type (light enough for black text, legible in dark) underline of a label, by framing category the categories&apos; colours as text on the dark theme&apos;s background (those above are about 3:1 on it, too dim to read words by) shading of quotations: one colour per speaker, cycled</extracomment>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="60"/>
        <source>Organisations</source>
        <translation>المنظمات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="61"/>
        <source>Armed groups</source>
        <translation>الجماعات المسلحة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="62"/>
        <source>States and governments</source>
        <translation>الدول والحكومات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="63"/>
        <source>Places</source>
        <translation>الأماكن</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="64"/>
        <source>Media</source>
        <translation>وسائل الإعلام</translation>
    </message>
</context>
<context>
    <name>EventTypes</name>
    <message>
        <location filename="../../desktop/ui/palette.py" line="72"/>
        <source>Talks</source>
        <translation>محادثات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="73"/>
        <source>Meeting</source>
        <translation>اجتماع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="74"/>
        <source>Call</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="75"/>
        <source>Statement</source>
        <translation>تصريح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="76"/>
        <source>Visit</source>
        <translation>زيارة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="77"/>
        <source>Ceasefire</source>
        <translation>وقف إطلاق النار</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="78"/>
        <source>Offensive</source>
        <translation>هجوم</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="79"/>
        <source>Casualties</source>
        <translation>ضحايا</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="80"/>
        <source>Displacement</source>
        <translation>نزوح</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="81"/>
        <source>Resolution</source>
        <translation>قرار</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="82"/>
        <source>Agreement</source>
        <translation>اتفاق</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="197"/>
        <source>Date</source>
        <extracomment>events read from the store each time the view needs more rows column widths (date, type, trigger, participants, place, outlet) until the rows are read; participants stretches. Then each column other than the participants is as wide as the rows in view and its header need (:meth:`_EventsTable.fit_to_contents`: the first rows, not every row), between its least and its most. the most a column is widened to its contents: an undated event&apos;s words («— «الثلاثاء الماضي»»), an outlet&apos;s name («Al-Jazirah (Saudi Arabia)»), a trigger (its tooltip shows a longer one whole) the participants&apos; least width until the header is measured: in a narrower view the other columns give up room (at 1280 × 720 the participants had 35 pixels, «ticipa» in their header); then the width of their header, as the style draws it the columns that give up their room first: the trigger (its tooltip shows it whole) and the place (mostly «—» or a city&apos;s name) the least each other column shrinks to (a date whole: «2011-12-27»); the trigger&apos;s and the place&apos;s, once the header is measured, the width of their header the width each column other than the participants has when there is room the least width of each column other than the participants, and theirs the columns the user gave a width of their own: not fitted to the rows again the columns the store orders by; participants has no order of its own</extracomment>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="198"/>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="199"/>
        <source>Trigger</source>
        <translation>الكلمة الدالة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="200"/>
        <source>Participants</source>
        <translation>المشاركون</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="201"/>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="202"/>
        <source>Outlet</source>
        <translation>الوسيلة الإعلامية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="328"/>
        <source>(unknown)</source>
        <translation>(غير معروفة)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="352"/>
        <source>The date the text gives: «{0}»</source>
        <translation>التاريخ الذي يذكره النص: «{0}»</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="353"/>
        <source>The date the text gives</source>
        <translation>التاريخ الذي يذكره النص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="355"/>
        <source>The article&apos;s date: the text gives no date of its own</source>
        <translation>تاريخ المقال: لا يذكر النص تاريخًا خاصًا بالحدث</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="358"/>
        <source>Undated: the article has no date to place «{0}» in time; undated events come last</source>
        <translation>غير مؤرَّخ: ليس للمقال تاريخ يُحدَّد به «{0}»؛ تأتي الأحداث غير المؤرَّخة في الآخر</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="360"/>
        <source>Undated: undated events come last</source>
        <translation>غير مؤرَّخ: تأتي الأحداث غير المؤرَّخة في الآخر</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="376"/>
        <source>All event types</source>
        <translation>كل أنواع الأحداث</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="405"/>
        <source>Events by date, undated last (double-click to read)</source>
        <translation>الأحداث بترتيب التاريخ، وغير المؤرَّخة في الآخر (انقر نقرًا مزدوجًا للقراءة)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/events_view.py" line="453"/>
        <source>{0} events</source>
        <translation>الأحداث: {0}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="262"/>
        <source>Find in document (Arabic-aware)</source>
        <translation>بحث في المستند (مع مراعاة خصائص العربية)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="269"/>
        <source>Previous (Shift+Enter)</source>
        <translation>السابق (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="270"/>
        <source>Next (Enter)</source>
        <translation>التالي (Enter)</translation>
    </message>
</context>
<context>
    <name>FrameHeatmapModel</name>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="299"/>
        <source>official</source>
        <extracomment>(label, outlet) → offset of the label in its example document (alias as written, mentions), most frequent first the first page of the actor&apos;s quotations (in document and text order) how many quotations the actor has in all where the next page of quotations starts (None: ``quotes`` holds them all) document id → (title, outlet) of every document a quotation or line comes from</extracomment>
        <translation>رسمي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="300"/>
        <source>neutral</source>
        <translation>محايد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="301"/>
        <source>delegitimising</source>
        <translation>نازع للشرعية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="302"/>
        <source>legitimising</source>
        <translation>مانح للشرعية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="339"/>
        <source>label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="339"/>
        <source>category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="339"/>
        <source>total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="362"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="256"/>
        <location filename="../../desktop/ui/import_controller.py" line="259"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="261"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="167"/>
        <source>The import stopped unexpectedly.</source>
        <extracomment>the width of the status bar&apos;s line of progress, in pixels True when an import or an analysis starts (it holds the database for writing), False when it has ended, however it ended (items done, label) as the job reports them where work in the background shows its progress (else in a dialog) the running job analyses again what an earlier version analysed</extracomment>
        <translation>توقّف الاستيراد على نحو غير متوقع.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="195"/>
        <source>Analysing the articles not analysed by this version ({0} of {1})</source>
        <translation>تحليل المقالات التي لم يحللها هذا الإصدار ({0} من {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="189"/>
        <source>Finishing an edit: analysing again the articles it did not reach ({0} of {1})</source>
        <translation>إتمام تعديل: إعادة تحليل المقالات التي لم يبلغها ({0} من {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="191"/>
        <location filename="../../desktop/ui/import_controller.py" line="198"/>
        <source>The articles can be read meanwhile.</source>
        <translation>يمكن قراءة المقالات في أثناء ذلك.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="203"/>
        <source>Step 1 of 2: unpacking an archive</source>
        <translation>الخطوة 1 من 2: فك ضغط أرشيف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="205"/>
        <source>Its articles are read once it is unpacked.</source>
        <translation>تُقرأ مقالاته بعد فك ضغطه.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="210"/>
        <source>Step 2 of 2: analysing the articles ({0} of {1})</source>
        <translation>الخطوة 2 من 2: تحليل المقالات ({0} من {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="213"/>
        <source>The articles can already be read and searched.</source>
        <translation>يمكن منذ الآن قراءة المقالات والبحث فيها.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="216"/>
        <location filename="../../desktop/ui/import_controller.py" line="252"/>
        <source>Step 1 of 2: reading the files</source>
        <translation>الخطوة 1 من 2: قراءة الملفات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="219"/>
        <source>Estimating the time left…</source>
        <translation>جارٍ تقدير الوقت المتبقي…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="223"/>
        <source>About {0} seconds left</source>
        <translation>بقي نحو {0} ثانية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="225"/>
        <source>About {0} minutes left</source>
        <translation>بقي نحو {0} دقيقة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="250"/>
        <source>Analysing the articles not analysed by this version</source>
        <translation>تحليل المقالات التي لم يحللها هذا الإصدار</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="268"/>
        <source>Analysis</source>
        <translation>التحليل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="321"/>
        <source>Import failed</source>
        <translation>تعذّر الاستيراد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="328"/>
        <source>a date to {0}</source>
        <translation>التاريخ ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="329"/>
        <source>an outlet to {0}</source>
        <translation>وسيلة الإعلام ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="330"/>
        <source>a link to {0}</source>
        <translation>الرابط ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="331"/>
        <source>an author to {0}</source>
        <translation>الكاتب ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="334"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="336"/>
        <source>Gave 1 article already stored what it lacked: {0}.</source>
        <translation>أُكمل ما كان ينقص مقالًا واحدًا مخزَّنًا من قبل: {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="337"/>
        <source>Gave {0} articles already stored what they lacked: {1}.</source>
        <translation>أُكمل ما كان ينقص {0} من المقالات المخزَّنة من قبل: {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="343"/>
        <source>Imported {0}, duplicates {1}, skipped {2}.</source>
        <translation>المستورَد: {0}، المكرَّر: {1}، المتخطّى: {2}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="350"/>
        <source>The import was cancelled; what was imported is kept, and is analysed at the next import or start.</source>
        <translation>أُلغي الاستيراد؛ ما استُورد محفوظ، ويُحلَّل عند الاستيراد التالي أو التشغيل التالي.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="355"/>
        <source>The analysis was cancelled; the articles it did not reach are analysed at the next import or start.</source>
        <translation>أُلغي التحليل؛ المقالات التي لم يبلغها تُحلَّل عند الاستيراد التالي أو التشغيل التالي.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="359"/>
        <source>Import finished</source>
        <translation>اكتمل الاستيراد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="363"/>
        <source>Notes:</source>
        <translation>ملاحظات:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="367"/>
        <source>{0} articles could not be analysed.</source>
        <translation>تعذّر تحليل {0} من المقالات.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_controller.py" line="368"/>
        <source>Not analysed:</source>
        <translation>لم تُحلَّل:</translation>
    </message>
</context>
<context>
    <name>KwicModel</name>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="640"/>
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="641"/>
        <source>Match</source>
        <translation>المطابَق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="642"/>
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="643"/>
        <source>Outlet</source>
        <translation>الوسيلة الإعلامية</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../desktop/ui/library.py" line="184"/>
        <source>Search the corpus (Enter)</source>
        <extracomment>the outlet column takes this share of the table&apos;s width if it needs it (a quarter cut the outlets&apos; names: «Asharq Al…»), and more while the titles keep ``_TITLE_KEEPS`` of it: the longest names («Al-Jazirah (Saudi Arabia)») show whole in the dock as the window opens at 1280 × 800 (two fifths cut them: «Al-Jazirah (Saudi Ar…»); a name longer than that is elided, whole in its tooltip how many of a search&apos;s best matches the results list shows a removal runs; another job holds the database (an import, its analysis)</extracomment>
        <translation>بحث في المكتبة (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="190"/>
        <source>from</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="191"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="195"/>
        <source>Show all documents</source>
        <translation>عرض كل المستندات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="218"/>
        <source>Remove from corpus…</source>
        <translation>إزالة من المكتبة…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="293"/>
        <source>All outlets</source>
        <translation>كل الوسائل الإعلامية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="308"/>
        <source>All entities</source>
        <translation>كل الكيانات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="311"/>
        <source>Mentioning: {0}</source>
        <translation>المستندات التي تذكر: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="324"/>
        <location filename="../../desktop/ui/library.py" line="368"/>
        <source>{0} documents</source>
        <translation>المستندات: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="357"/>
        <source>The {0} best of over {1} results for «{2}»</source>
        <translation>نتائج «{2}»: أكثر من {1}، تُعرض أفضل {0} منها</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="361"/>
        <source>The {0} best of {1} results for «{2}»</source>
        <translation>نتائج «{2}»: {1}، تُعرض أفضل {0} منها</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="364"/>
        <source>{0} results for «{1}»</source>
        <translation>نتائج «{1}»: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="349"/>
        <source>(a very common query: ranked among its {0} most recently imported matches; add a word, an outlet or dates to narrow it)</source>
        <translation>(بحث شائع جدًا: رُتّبت النتائج من بين أحدث {0} مادة مستوردة تطابقه؛ أضف كلمة أو وسيلة إعلام أو تاريخًا لتضييقه)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="429"/>
        <location filename="../../desktop/ui/library.py" line="459"/>
        <location filename="../../desktop/ui/library.py" line="466"/>
        <source>Remove from corpus</source>
        <translation>إزالة من المكتبة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="434"/>
        <source>Remove «{0}» from the corpus?</source>
        <translation>إزالة «{0}» من المكتبة؟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="436"/>
        <source>Remove {0} documents from the corpus?</source>
        <translation>إزالة المستندات المحددة من المكتبة؟ (عددها: {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="438"/>
        <source>Their mentions, labels, quotations and events go with them, and the actors are counted without them. This cannot be undone.</source>
        <translation>تُزال معها الإشارات والأوصاف والاقتباسات والأحداث التي فيها، ويُحسب الفاعلون من دونها. لا يمكن التراجع عن ذلك.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="698"/>
        <source>The language will change when the work in progress ends.</source>
        <translation>ستتغيّر اللغة عند انتهاء العمل الجاري.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="705"/>
        <source>Stopping the edit before closing…</source>
        <translation>إيقاف التعديل قبل الإغلاق…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="707"/>
        <source>The edit is kept; the articles it has not analysed again yet will be analysed when Tabayun next starts.</source>
        <translation>التعديل محفوظ، والمقالات التي لم يُعِد تحليلها بعدُ ستُحلَّل عند تشغيل تباين في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="713"/>
        <source>Stopping the analysis before closing…</source>
        <translation>إيقاف التحليل قبل الإغلاق…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="715"/>
        <source>The articles it has not reached will be analysed when Tabayun next starts.</source>
        <translation>المقالات التي لم يبلغها ستُحلَّل عند تشغيل تباين في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="720"/>
        <source>Stopping the import before closing…</source>
        <translation>إيقاف الاستيراد قبل الإغلاق…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="722"/>
        <source>What was imported is kept; the articles not analysed yet will be analysed when Tabayun next starts.</source>
        <translation>ما استُورد محفوظ، والمقالات التي لم تُحلَّل بعدُ ستُحلَّل عند تشغيل تباين في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="746"/>
        <source>Closing</source>
        <translation>جارٍ الإغلاق</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="78"/>
        <source>Tabayun — Arabic news coverage</source>
        <extracomment>tables whose columns are the data&apos;s (an actor&apos;s outlets): no saved layout fits the next</extracomment>
        <translation>تباين (Tabayun) — التغطية الإخبارية العربية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="108"/>
        <location filename="../../desktop/ui/main_window.py" line="416"/>
        <source>Read</source>
        <extracomment>closing: the job that runs is being stopped what closing says while it stops a job</extracomment>
        <translation>قراءة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="109"/>
        <location filename="../../desktop/ui/main_window.py" line="416"/>
        <source>Compare</source>
        <translation>مقارنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="110"/>
        <location filename="../../desktop/ui/main_window.py" line="416"/>
        <source>Actor</source>
        <translation>الفاعل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="111"/>
        <location filename="../../desktop/ui/main_window.py" line="416"/>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="114"/>
        <source>Library</source>
        <translation>المكتبة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="117"/>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="149"/>
        <source>Working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="215"/>
        <source>This database was empty: {0} sample articles were imported to show what Tabayun does. Select them in the library and press Del to remove them.</source>
        <translation>كانت قاعدة البيانات فارغة: استُورد {0} مقالات نموذجية لعرض ما يقدمه تباين. حدّدها في المكتبة واضغط Del لإزالتها.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="230"/>
        <source>Removed 1 document from the corpus</source>
        <translation>أُزيل مستند واحد من المكتبة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="232"/>
        <source>Removed {0} documents from the corpus</source>
        <translation>أُزيلت المستندات من المكتبة (عددها: {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="254"/>
        <source>1 document</source>
        <translation>المستندات: 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="254"/>
        <source>{0} documents</source>
        <translation>المستندات: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="254"/>
        <source>1 outlet</source>
        <translation>الوسائل الإعلامية: 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="254"/>
        <source>{0} outlets</source>
        <translation>الوسائل الإعلامية: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="254"/>
        <source>1 entity</source>
        <translation>الكيانات: 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="254"/>
        <source>{0} entities</source>
        <translation>الكيانات: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="254"/>
        <source>1 mention</source>
        <translation>الإشارات: 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="254"/>
        <source>{0} mentions</source>
        <translation>الإشارات: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="385"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="387"/>
        <source>Import files…</source>
        <translation>استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="389"/>
        <source>Import folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="391"/>
        <source>Export comparison…</source>
        <translation>تصدير المقارنة…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="392"/>
        <source>Save actor chart…</source>
        <translation>حفظ مخطط الفاعل…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="394"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="396"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="398"/>
        <source>Find in document</source>
        <translation>بحث في المستند</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="404"/>
        <source>Search the corpus</source>
        <translation>بحث في المكتبة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="406"/>
        <location filename="../../desktop/ui/main_window.py" line="511"/>
        <source>Compare with…</source>
        <translation>مقارنة مع…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="407"/>
        <source>Compare two outlets…</source>
        <translation>مقارنة وسيلتين إعلاميتين…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="412"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="423"/>
        <source>Larger text</source>
        <translation>تكبير النص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="428"/>
        <source>Smaller text</source>
        <translation>تصغير النص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="434"/>
        <source>Theme</source>
        <translation>السمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="436"/>
        <source>Light</source>
        <translation>فاتحة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="436"/>
        <source>Dark</source>
        <translation>داكنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="442"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="454"/>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="455"/>
        <source>&amp;About Tabayun</source>
        <translation>&amp;حول Tabayun</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="469"/>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="481"/>
        <source>Articles ({0});;All files (*)</source>
        <translation>المقالات ({0});;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="484"/>
        <source>Import folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="502"/>
        <source>(unknown)</source>
        <translation>(غير معروفة)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="512"/>
        <source>Articles sharing most actors:</source>
        <translation>المقالات الأكثر اشتراكًا في الفاعلين:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="525"/>
        <location filename="../../desktop/ui/main_window.py" line="531"/>
        <location filename="../../desktop/ui/main_window.py" line="537"/>
        <source>Compare two outlets</source>
        <translation>مقارنة وسيلتين إعلاميتين</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="526"/>
        <source>The corpus needs at least two outlets.</source>
        <translation>تحتاج المكتبة إلى وسيلتين إعلاميتين على الأقل.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="531"/>
        <source>First outlet:</source>
        <translation>الوسيلة الأولى:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="537"/>
        <source>Second outlet:</source>
        <translation>الوسيلة الثانية:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="549"/>
        <source>Export comparison</source>
        <translation>تصدير المقارنة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="558"/>
        <source>Compare two documents first.</source>
        <translation>قارن بين مستندين أولًا.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="567"/>
        <source>Export failed</source>
        <translation>تعذّر التصدير</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="569"/>
        <source>Saved {0}</source>
        <translation>تم حفظ {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="575"/>
        <source>Save chart</source>
        <translation>حفظ المخطط</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="588"/>
        <source>About Tabayun</source>
        <translation>حول تباين (Tabayun)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="590"/>
        <source>&lt;h3&gt;Tabayun {0}&lt;/h3&gt;&lt;p&gt;How Arabic news outlets frame the same actors and events.&lt;/p&gt;&lt;p&gt;Python {1} · Qt for Python {2} · SQLAlchemy {3}&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later. Fonts: Noto Naskh Arabic and Noto Sans Arabic (SIL Open Font License 1.1). pyarabic (GPL-3), pyahocorasick (BSD-3), rapidfuzz (MIT), qdarkstyle (MIT).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;تباين (Tabayun) {0}&lt;/h3&gt;&lt;p&gt;كيف تؤطّر الوسائل الإعلامية العربية الفاعلين أنفسهم والأحداث نفسها.&lt;/p&gt;&lt;p&gt;Python {1} · Qt for Python {2} · SQLAlchemy {3}&lt;/p&gt;&lt;p&gt;مرخَّص بموجب رخصة GNU GPL، الإصدار 3 أو أي إصدار لاحق. الخطوط: Noto Naskh Arabic وNoto Sans Arabic (SIL Open Font License 1.1). pyarabic (GPL-3)، pyahocorasick (BSD-3)، rapidfuzz (MIT)، qdarkstyle (MIT).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Marks</name>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="96"/>
        <source>A paragraph repeated from earlier in the article: not analysed again</source>
        <extracomment>custom properties stored in character formats, read back on hover and click</extracomment>
        <translation>فقرة مكرَّرة مما سبق في المقالة: لم تُحلَّل مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="147"/>
        <source>quotation ({0}) — {1}</source>
        <translation>اقتباس ({0}) — {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="153"/>
        <source>via {0}</source>
        <translation>نقلًا عن {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="172"/>
        <source>scare quotes</source>
        <translation>علامات تنصيص للتشكيك</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="178"/>
        <location filename="../../desktop/ui/palette.py" line="143"/>
        <source>distancing</source>
        <translation>عبارة تنأى بالكاتب</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="188"/>
        <source>quoted term</source>
        <translation>مصطلح بين علامتي تنصيص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_pane.py" line="192"/>
        <source>(words of {0})</source>
        <translation>(من كلام {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="112"/>
        <source>person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="113"/>
        <source>organisation</source>
        <translation>منظمة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="114"/>
        <source>armed group</source>
        <translation>جماعة مسلحة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="115"/>
        <source>state or government</source>
        <translation>دولة أو حكومة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="116"/>
        <source>place</source>
        <translation>مكان</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="117"/>
        <source>media</source>
        <translation>وسيلة إعلامية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="125"/>
        <source>named by a role</source>
        <translation>مذكور بصفته</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="126"/>
        <source>surname</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="127"/>
        <source>name found in the text</source>
        <translation>اسم مكتشَف في النص</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="128"/>
        <source>label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="129"/>
        <source>apposition</source>
        <translation>بدل أو صفة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="130"/>
        <source>direct</source>
        <translation>مباشر</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="131"/>
        <source>partial</source>
        <translation>جزئي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="132"/>
        <source>indirect</source>
        <translation>غير مباشر</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="142"/>
        <source>in scare quotes</source>
        <translation>بين علامتي تنصيص للتشكيك</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="145"/>
        <source>in a quotation</source>
        <translation>داخل اقتباس</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="150"/>
        <source>{0}, {1}</source>
        <translation>{0}، {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="159"/>
        <source>official</source>
        <translation>رسمي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="160"/>
        <location filename="../../desktop/ui/palette.py" line="173"/>
        <source>neutral</source>
        <translation>محايد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="161"/>
        <source>delegitimising</source>
        <translation>نازع للشرعية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="162"/>
        <source>legitimising</source>
        <translation>مانح للشرعية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="165"/>
        <source>role</source>
        <translation>صفة</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="174"/>
        <source>assertive</source>
        <translation>تأكيدي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="175"/>
        <source>warning</source>
        <translation>تحذيري</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="176"/>
        <source>evaluative</source>
        <translation>تقييمي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="177"/>
        <source>doubting</source>
        <translation>تشكيكي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="178"/>
        <source>directive</source>
        <translation>توجيهي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="179"/>
        <source>denial</source>
        <translation>نفي</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/palette.py" line="180"/>
        <source>announcing</source>
        <translation>إعلاني</translation>
    </message>
</context>
<context>
    <name>OneSideModel</name>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="382"/>
        <source>{0} · {1} · {2} mentions</source>
        <translation>{0} · {1} · الإشارات: {2}</translation>
    </message>
</context>
<context>
    <name>OutletEditor</name>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="59"/>
        <source>Set outlet…</source>
        <translation>تحديد الوسيلة الإعلامية…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="61"/>
        <source>Rename outlet…</source>
        <translation>إعادة تسمية وسيلة إعلامية…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="88"/>
        <source>Set outlet</source>
        <translation>تحديد الوسيلة الإعلامية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="90"/>
        <source>Outlet of «{0}»:</source>
        <translation>الوسيلة الإعلامية لـ«{0}»:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="92"/>
        <source>Outlet of the {0} selected documents:</source>
        <translation>الوسيلة الإعلامية للمستندات المحددة ({0}):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="115"/>
        <source>The documents had that outlet already</source>
        <translation>للمستندات هذه الوسيلة الإعلامية أصلاً</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="118"/>
        <source>1 document given the outlet «{0}»</source>
        <translation>نُسب مستند واحد إلى «{0}»</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="120"/>
        <source>1 document given no outlet</source>
        <translation>أُزيلت الوسيلة الإعلامية عن مستند واحد</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="124"/>
        <source>{0} documents given the outlet «{1}»</source>
        <translation>نُسبت {0} مستندات إلى «{1}»</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="126"/>
        <source>{0} documents given no outlet</source>
        <translation>أُزيلت الوسيلة الإعلامية عن {0} مستندات</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="129"/>
        <source>left without documents, removed: {0}</source>
        <translation>أُزيلت لخلوّها من المستندات: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="130"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="143"/>
        <source>Rename outlet</source>
        <translation>إعادة تسمية وسيلة إعلامية</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="147"/>
        <source>Outlet to rename:</source>
        <translation>الوسيلة المراد تسميتها:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="152"/>
        <source>New name of «{0}»:</source>
        <translation>الاسم الجديد لـ«{0}»:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="161"/>
        <source>«{0}» is the name of another outlet. Merge «{1}» into it? Its {2} documents move there, and its articles imported later join it.</source>
        <translation>«{0}» اسم وسيلة إعلامية أخرى. هل تُدمج «{1}» فيها؟ تنتقل إليها مستنداتها ({2})، وتنضم إليها مقالاتها المستوردة لاحقاً.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="179"/>
        <source>«{0}» merged into «{1}»: {2} documents now</source>
        <translation>دُمجت «{0}» في «{1}»: {2} مستندات الآن</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outlet_edits.py" line="182"/>
        <source>«{0}» is now «{1}»</source>
        <translation>أصبح اسم «{0}» «{1}»</translation>
    </message>
</context>
<context>
    <name>PassagesModel</name>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="323"/>
        <source>Passage {0} · similarity {1:.0%}</source>
        <translation>المقطع {0} · التشابه {1:.0%}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare_view.py" line="347"/>
        <source>Shared words: {0}</source>
        <translation>الكلمات المشتركة: {0}</translation>
    </message>
</context>
<context>
    <name>QuotesModel</name>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="530"/>
        <source>Quotation</source>
        <extracomment>reads the page of quotations after a key (:meth:`Store.quote_page` of one actor)</extracomment>
        <translation>الاقتباس</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="531"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="532"/>
        <source>Verb</source>
        <translation>الفعل</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="533"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="536"/>
        <source>direct</source>
        <translation>مباشر</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="537"/>
        <source>indirect</source>
        <translation>غير مباشر</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actor_view.py" line="538"/>
        <source>partial</source>
        <translation>جزئي</translation>
    </message>
</context>
</TS>
