"""Fictional instructor profiles for the demo site."""

INSTRUCTORS = {
    "chen": {
        "name": "陈立华",
        "name_en": "Chen Lihua",
        "title": "研究员，技术转移中心主任",
        "title_en": "Research Professor, Director of the Technology Transfer Centre",
        "bio": "长期从事高校科技成果转化管理工作，主持过百余项专利许可与作价投资项目。",
        "bio_en": "Has managed university technology transfer for two decades and led more than a hundred patent licences and equity deals.",
    },
    "liu": {
        "name": "刘思远",
        "name_en": "Liu Siyuan",
        "title": "律师，知识产权与技术合同方向",
        "title_en": "Attorney, intellectual property and technology contracts",
        "bio": "执业律师，专注技术合同、知识产权许可与科技成果转化法律服务。",
        "bio_en": "Practising lawyer focused on technology contracts, IP licensing and the legal side of commercialisation.",
    },
    "zhao": {
        "name": "赵明",
        "name_en": "Zhao Ming",
        "title": "高级专利代理师",
        "title_en": "Senior Patent Attorney",
        "bio": "十五年专利代理与检索分析经验，擅长专利布局与高价值专利培育。",
        "bio_en": "Fifteen years of patent prosecution, search and analytics; specialist in portfolio strategy and high-value patents.",
    },
    "wang": {
        "name": "王静",
        "name_en": "Wang Jing",
        "title": "资产评估师，技术经纪人",
        "title_en": "Certified Asset Appraiser and Technology Broker",
        "bio": "从事技术价值评估与交易撮合，参与多个省级技术交易市场建设。",
        "bio_en": "Works on technology valuation and deal-making and helped build several provincial technology exchanges.",
    },
    "sun": {
        "name": "孙浩",
        "name_en": "Sun Hao",
        "title": "投资总监，科技金融方向",
        "title_en": "Investment Director, technology finance",
        "bio": "早期科技项目投资人，关注概念验证、中试熟化与科技金融工具。",
        "bio_en": "Early-stage technology investor interested in proof of concept, scale-up and technology finance instruments.",
    },
    "zhou": {
        "name": "周晓梅",
        "name_en": "Zhou Xiaomei",
        "title": "副教授，国际技术转移与合规",
        "title_en": "Associate Professor, international technology transfer and compliance",
        "bio": "研究国际技术转移规则、出口管制与跨境许可合规。",
        "bio_en": "Researches international transfer rules, export control and compliance in cross-border licensing.",
    },
}
