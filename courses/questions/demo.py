"""A Chinese question bank for the primary program (初级), for the demo and for exam papers built on it.

Loaded by ``manage.py load_demo_questions``; every question type appears at least once.
"""

import random

from django.db import transaction

from core.guards import SYSTEM

from .models import Difficulty, QuestionBank, QuestionType
from .services import bank_get_or_create_path, question_create

DEMO_BANK = "初级技术经理人题库"

SC, MC, TF, SA, NU, MA, ES, CA = (
    QuestionType.SINGLE_CHOICE,
    QuestionType.MULTIPLE_CHOICE,
    QuestionType.TRUE_FALSE,
    QuestionType.SHORT_ANSWER,
    QuestionType.NUMERICAL,
    QuestionType.MATCHING,
    QuestionType.ESSAY,
    QuestionType.CASE_ANALYSIS,
)


# Shuffles the demo's choice options, in the order QUESTIONS lists them: the same order on every load.
_SHUFFLE = random.Random(2025)


def _options(correct: list[str], wrong: list[str], *, multiple: bool = False) -> dict:
    """Choice options in a shuffled order, the same on every load.

    Written right answers first for reading; stored like that, "always pick the first" would pass
    any paper that does not shuffle its options.
    """
    share = "1" if not multiple else str(round(1 / len(correct), 7))
    options = [{"text": text, "fraction": share} for text in correct] + [
        {"text": text, "fraction": "-0.5" if multiple else "0"} for text in wrong
    ]
    _SHUFFLE.shuffle(options)
    return {"options": options}


# (sub-bank, module, difficulty, type, name, text, data, points, general feedback, tags)
QUESTIONS = [
    (
        "政策法规",
        "policy",
        Difficulty.EASY,
        SC,
        "转化法奖励比例",
        "依照《促进科技成果转化法》，将职务科技成果转让、许可给他人实施的，未约定奖励和报酬时，"
        "应从该项科技成果转让净收入或者许可净收入中提取不低于多少比例，用于奖励完成和转化该成果作出重要贡献的人员？",
        _options(["百分之五十"], ["百分之二十", "百分之三十", "百分之七十"]),
        2,
        "见《促进科技成果转化法》第四十五条第（一）项。",
        ["转化法", "收益分配"],
    ),
    (
        "政策法规",
        "policy",
        Difficulty.MEDIUM,
        MC,
        "科技成果转化方式",
        "根据《促进科技成果转化法》第十六条，科技成果持有者可以采用下列哪些方式进行科技成果转化？",
        _options(
            [
                "自行投资实施转化",
                "向他人转让该科技成果",
                "许可他人使用该科技成果",
                "以该科技成果作价投资，折算股份或者出资比例",
            ],
            ["将科技成果无偿捐赠给境外机构以规避审批"],
            multiple=True,
        ),
        2,
        "法定方式还包括以成果作为合作条件与他人共同实施转化，以及其他协商确定的方式。",
        ["转化法"],
    ),
    (
        "政策法规",
        "policy",
        Difficulty.EASY,
        TF,
        "技术合同登记与效力",
        "技术合同未经认定登记的，该合同不发生法律效力。",
        {"correct": False, "feedback_true": "认定登记是享受相关税收等优惠政策的条件，不影响合同效力。"},
        1,
        "技术合同自依法成立时生效；认定登记与合同效力无关。",
        ["技术合同"],
    ),
    (
        "政策法规",
        "policy",
        Difficulty.MEDIUM,
        SC,
        "技术许可合同形式",
        "根据《民法典》，技术转让合同和技术许可合同应当采用什么形式？",
        _options(["书面形式"], ["口头形式即可", "公证形式", "由当事人任意选择，无形式要求"]),
        1,
        "见《民法典》第八百六十三条。",
        ["民法典", "技术合同"],
    ),
    (
        "政策法规",
        "policy",
        Difficulty.EASY,
        SA,
        "PCT 全称",
        "国际专利申请所依据的 PCT，其中文全称是《_____》。",
        {"answers": [{"text": "专利合作条约", "fraction": "1"}, {"text": "*合作条约", "fraction": "0.5"}]},
        1,
        "PCT：Patent Cooperation Treaty，专利合作条约。",
        ["知识产权", "专利"],
    ),
    (
        "政策法规",
        "policy",
        Difficulty.MEDIUM,
        NU,
        "发明专利保护期",
        "我国发明专利权的期限为自申请日起多少年？（填写数字）",
        {
            "answers": [
                {"value": "20", "tolerance": "0", "fraction": "1"},
                {
                    "value": "10",
                    "tolerance": "0",
                    "fraction": "0",
                    "feedback": "10 年是实用新型专利权的期限。",
                },
            ]
        },
        1,
        "发明 20 年，实用新型 10 年，外观设计 15 年（自申请日起计算）。",
        ["专利"],
    ),
    (
        "政策法规",
        "policy",
        Difficulty.MEDIUM,
        MA,
        "专利类型与保护期",
        "将专利类型与其保护期限配对。",
        {
            "pairs": [
                {"prompt": "发明", "answer": "20 年"},
                {"prompt": "实用新型", "answer": "10 年"},
                {"prompt": "外观设计", "answer": "15 年"},
                {"prompt": "", "answer": "50 年"},
            ]
        },
        3,
        "",
        ["专利"],
    ),
    (
        "实务技能",
        "practice",
        Difficulty.MEDIUM,
        MA,
        "许可方式辨析",
        "将许可方式与其特点配对。",
        {
            "pairs": [
                {"prompt": "独占许可", "answer": "在约定范围内只有被许可人可以实施，许可人自己也不得实施"},
                {"prompt": "排他许可", "answer": "许可人和被许可人可以实施，但不得再许可第三人"},
                {"prompt": "普通许可", "answer": "许可人可以自己实施，也可以再许可他人实施"},
            ]
        },
        3,
        "许可方式直接影响许可费的高低和被许可人的市场地位。",
        ["技术合同", "许可"],
    ),
    (
        "实务技能",
        "practice",
        Difficulty.EASY,
        NU,
        "技术就绪度等级",
        "常用的技术就绪度（TRL）评价体系共分为多少级？",
        {"answers": [{"value": "9", "tolerance": "0", "fraction": "1"}]},
        1,
        "TRL 1 为基本原理被发现，TRL 9 为实际系统经过成功运行验证。",
        ["技术评价"],
    ),
    (
        "实务技能",
        "practice",
        Difficulty.MEDIUM,
        SC,
        "专利检索起点",
        "为判断一项技术能否申请专利，技术经理人首先应开展哪类检索？",
        _options(["新颖性（查新）检索"], ["侵权风险检索", "专利法律状态检索", "同族专利检索"]),
        1,
        "可专利性判断以新颖性、创造性检索为起点；自由实施（FTO）检索用于评估侵权风险。",
        ["专利检索"],
    ),
    (
        "实务技能",
        "practice",
        Difficulty.HARD,
        MC,
        "许可谈判要点",
        "在技术许可谈判中，下列哪些条款通常直接影响许可费的确定？",
        _options(
            ["许可方式（独占、排他或普通）", "许可的地域和期限", "入门费与提成费的组合方式"],
            ["谈判会议的举办地点"],
            multiple=True,
        ),
        2,
        "",
        ["商务谈判", "许可"],
    ),
    (
        "公共知识",
        "general",
        Difficulty.EASY,
        TF,
        "技术秘密保密义务",
        "技术经理人在服务中获知的委托方技术秘密，可以在不披露来源的情况下用于其他客户的项目。",
        {"correct": False, "feedback_true": "违反保密义务和职业道德，可能承担法律责任。"},
        1,
        "保守委托方的技术秘密和商业秘密是技术经理人的基本职业规范。",
        ["职业道德"],
    ),
    (
        "公共知识",
        "general",
        Difficulty.EASY,
        SC,
        "国家技术转移体系建设方案",
        "《国家技术转移体系建设方案》由哪个机关于 2017 年印发？",
        _options(["国务院"], ["全国人民代表大会常务委员会", "最高人民法院", "国家知识产权局"]),
        1,
        "",
        ["技术转移体系"],
    ),
    (
        "公共知识",
        "general",
        Difficulty.MEDIUM,
        ES,
        "技术经理人的作用",
        "结合一个你熟悉的例子，简述技术经理人在科技成果从实验室走向市场过程中的主要作用。（不少于 300 字）",
        {
            "grader_info": "要点：需求挖掘与供需对接；成果评价与定价；知识产权布局；交易结构设计与谈判；合规与风险控制。每个要点有例证可得满分。"
        },
        10,
        "",
        ["职业认知"],
    ),
    (
        "实务技能",
        "practice",
        Difficulty.HARD,
        CA,
        "高校专利许可案例",
        "某高校课题组研发了一种新型电池隔膜材料，已获两项发明专利授权。一家中型企业希望获得该技术，"
        "提出以“一次性支付 50 万元、独占许可、期限 20 年、全球范围”的条件签约，课题组负责人倾向于尽快签约。"
        "请以技术经理人的身份，分析该许可方案存在的问题，并提出改进建议。",
        {
            "grader_info": "参考：期限超过专利剩余保护期；全球独占而专利仅在国内有效；一次性付费未体现成果价值和后续收益；缺少实施义务和业绩条款；需履行单位内部决策和公示程序。",
            "rubric": [
                {
                    "criterion": "识别条款风险（期限、地域、许可方式）",
                    "points": "6",
                    "description": "指出三处及以上得满分",
                },
                {
                    "criterion": "支付方式与价值评估",
                    "points": "4",
                    "description": "提出入门费加提成或作价投资等方案",
                },
                {"criterion": "程序合规", "points": "3", "description": "单位决策、定价与公示"},
                {"criterion": "表达与逻辑", "points": "2", "description": ""},
            ],
        },
        15,
        "",
        ["案例研讨", "许可"],
    ),
]


@transaction.atomic
def demo_question_bank_load() -> QuestionBank:
    """Create the demo bank with its sub-banks and questions. Idempotent: a bank that has them is left alone."""
    bank, _created = QuestionBank.objects.get_or_create(
        name=DEMO_BANK, parent=None, defaults={"description": "初级技术经理人培训结业考试题库（演示数据）"}
    )
    if bank.questions.exists() or QuestionBank.objects.filter(parent=bank, questions__isnull=False).exists():
        return bank
    for sub, module, difficulty, qtype, name, text, data, points, feedback, tags in QUESTIONS:
        question_create(
            user=SYSTEM,
            bank=bank_get_or_create_path(actor=SYSTEM, parent=bank, names=[sub]),
            qtype=qtype,
            name=name,
            text=text,
            data=data,
            default_points=points,
            general_feedback=feedback,
            module=module,
            difficulty=difficulty,
            tags=tags,
        )
    return bank
