"""Advanced-level (高级) demo curriculum: real lesson text in Chinese and English.

The advanced program certifies what a technology manager can do: besides its courses it ends
with a practical project (a written report reviewed by a panel) and a defence (答辩), A-08.
"""

COURSES = [
    # ------------------------------------------------------------------ A-01
    {
        "code": "A-01",
        "module": "capability",
        "delivery": "blended",
        "hours": 8,
        "instructors": ["chen", "sun"],
        "zh": {
            "title": "技术转移战略与机构管理",
            "summary": (
                "从战略、组织、流程和绩效四个方面讲解如何建设和运营一个专业化技术转移机构，"
                "帮助技术经理人从“做项目”走向“建机构、带团队”。"
            ),
            "objectives": [
                "能够为所在单位的技术转移机构确定使命、服务范围和资源配置",
                "能够设计从成果披露到合同执行的全流程制度，并明确各环节的责任人",
                "能够建立以转化质量而非数量为导向的绩效指标，并向决策层汇报",
            ],
        },
        "en": {
            "title": "Strategy and Management of a Technology Transfer Office",
            "summary": (
                "How to build and run a professional technology transfer office: its strategy, organisation, "
                "processes and performance, so that a technology manager can move from handling deals to "
                "building an office and leading a team."
            ),
            "objectives": [
                "Set the mission, scope of services and resources of your institution's transfer office",
                "Design the whole process from invention disclosure to contract performance, with an owner "
                "for every step",
                "Build performance indicators that reward the quality of transfer rather than its volume, "
                "and report them to the leadership",
            ],
        },
        "lessons": [
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "机构的使命、定位与组织形态",
                    "body": [
                        ("heading", "先回答“为谁服务、解决什么问题”"),
                        (
                            "text",
                            "技术转移机构的战略起点不是“要多少专利许可收入”，而是它在单位中承担的使命：是把科研成果推向社会，"
                            "是为科研人员提供法律与商务服务，还是为地方产业导入技术？使命不同，机构的服务对象、考核方式和人员结构都不同。"
                            "2020年教育部、国家知识产权局、科技部发布的《关于提升高等学校专利质量 促进转化运用的若干意见》"
                            "和随后关于专业化技术转移机构建设的文件，都要求机构以转化运用为导向，而非以专利数量为目标。",
                        ),
                        (
                            "text",
                            "常见的组织形态有三种：设在科研管理部门内的内设科室，决策链短，但专业人员难以留住；"
                            "独立设置的技术转移中心或研究院，拥有专门编制和预算，能够建立职业化团队；"
                            "由单位全资或控股设立的技术转移公司，可以市场化用人并持有股权，但需要处理好与单位的授权和利益关系。"
                            "许多单位采用“中心 + 公司”的组合：中心负责制度、审批与披露管理，公司负责市场化运营和投资。",
                        ),
                        ("heading", "资源配置与服务组合"),
                        (
                            "text",
                            "机构的核心资源是人。一个成熟的技术转移团队通常包括技术背景的项目经理、知识产权专员、"
                            "合同与法律专员以及熟悉投融资的商务人员。按照国际经验，每100名科研人员或每年约50项成果披露，"
                            "需要一名专职技术经理人才能做到及时评估和跟进。服务组合应当与人员能力匹配：没有评估能力的团队，"
                            "就不应承诺对每项成果出具价值意见。",
                        ),
                        (
                            "case",
                            {
                                "title": "从内设科室到独立中心",
                                "text": "北岭大学过去由科研院一名科长兼管成果转化，每年成果披露约120项，真正完成许可的不到5项。"
                                "学校组建独立的技术转移中心，配置8名专职人员，按学科分组对接学院，并设立种子基金支持概念验证。"
                                "三年后，成果披露增加到200余项，完成许可、转让和作价投资40余项，更重要的是，"
                                "科研人员开始在立项阶段就主动联系中心。启示：组织形态的调整，最终要体现在科研人员的行为变化上。",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Mission, Positioning and Organisational Form",
                    "body": [
                        ("heading", "First answer: whom do we serve, and which problem do we solve"),
                        (
                            "text",
                            "The strategy of a technology transfer office does not start from a licensing income target but from "
                            "the mission it carries within its institution: bringing research results to society, providing legal "
                            "and business services to researchers, or bringing technology to local industry. Different missions "
                            "mean different clients, performance measures and staff. The 2020 opinions of the Ministry of "
                            "Education, the National Intellectual Property Administration and the Ministry of Science and "
                            "Technology on patent quality in universities, and the later documents on professional transfer "
                            "offices, all ask offices to aim at use and commercialisation rather than at patent counts.",
                        ),
                        (
                            "text",
                            "Three organisational forms are common. A section inside the research office has a short decision "
                            "chain but struggles to keep professional staff. An independent transfer centre or institute has its "
                            "own posts and budget and can build a professional team. A company wholly or mainly owned by the "
                            "institution can hire on market terms and hold equity, but must settle its mandate and interests "
                            "with the institution. Many institutions combine a centre and a company: the centre owns the rules, "
                            "approvals and disclosures, the company runs market operations and investment.",
                        ),
                        ("heading", "Resources and the service mix"),
                        (
                            "text",
                            "The office's core resource is its people. A mature team usually has project managers with a "
                            "technical background, IP specialists, contract and legal specialists, and business staff who know "
                            "finance. International experience suggests one full-time technology manager for roughly every 100 "
                            "researchers, or about 50 disclosures a year, to assess and follow up in time. The services offered "
                            "should match the team's abilities: a team without valuation skills should not promise a valuation "
                            "opinion on every invention.",
                        ),
                        (
                            "case",
                            {
                                "title": "From a section to an independent centre",
                                "text": "At Beiling University a section head in the research office used to handle commercialisation on "
                                "the side; of about 120 disclosures a year, fewer than five were licensed. The university set up "
                                "an independent transfer centre with eight full-time staff, grouped by discipline to work with the "
                                "schools, and a seed fund for proof of concept. Three years later disclosures had risen to over "
                                "200 and more than 40 licences, assignments and equity deals had been closed; more importantly, "
                                "researchers began to contact the centre when their projects started. Lesson: a change of "
                                "organisation must show in a change of researchers' behaviour.",
                            },
                        ),
                    ],
                },
            },
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "从成果披露到合同执行的流程设计",
                    "body": [
                        ("heading", "一条看得见的流程"),
                        (
                            "text",
                            "专业化机构的标志是一条全员可见、每一步都有负责人和时限的流程：成果披露、初步评估、"
                            "知识产权保护决策、市场推广、谈判、内部决策与公示、合同签订、合同登记与执行跟踪、收益分配。"
                            "每一步都应留下书面记录，这既是提高效率的需要，也是《促进科技成果转化法》规定的"
                            "“勤勉尽责”免责机制的前提：决策程序合规、过程留痕，相关负责人才可以免除因成果转化后续价值变化产生的决策责任。",
                        ),
                        (
                            "text",
                            "初步评估是流程中最容易被省略的一步。建议使用统一的评估表，从技术成熟度、权利稳定性、市场规模、"
                            "潜在受让方和团队意愿五个维度打分，在披露后30天内给出“重点推进、一般跟进、暂不申请”三类结论，"
                            "并告知发明人理由。评估结论直接决定是否花钱申请专利，也决定了后续人力投入。",
                        ),
                        ("heading", "内部决策与公示"),
                        (
                            "text",
                            "对外许可、转让或作价投资前，应按单位制度履行内部决策程序，并依法公示成果名称和拟交易价格，"
                            "公示期一般不少于15日。决策材料应包括评估意见、定价依据、交易对方的尽职调查结论以及是否存在关联关系的说明。"
                            "如科研人员或其亲属在受让企业中持股，应当主动申报，由单位按利益冲突规则审查。",
                        ),
                        (
                            "case",
                            {
                                "title": "一份被退回的决策材料",
                                "text": "某研究所拟将一项传感器专利以80万元许可给一家初创企业，审批时被纪检部门退回："
                                "材料中没有说明该企业的股东里有发明人的配偶。补充申报并由第三方机构出具评估意见后，"
                                "许可价格调整为95万元并重新公示，最终顺利签约。启示：利益冲突并不必然禁止交易，"
                                "但必须申报、审查并留痕，否则好的交易也会变成风险。",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Designing the Process from Disclosure to Contract",
                    "body": [
                        ("heading", "A process everyone can see"),
                        (
                            "text",
                            "A professional office is recognised by a process everyone can see, with an owner and a deadline at "
                            "each step: disclosure, initial assessment, the decision on IP protection, marketing, negotiation, "
                            "internal approval and public notice, signing, contract registration and follow-up, and income "
                            "distribution. Every step should leave a written record. This makes the office faster, and it is the "
                            "precondition of the due-diligence exemption in the Law on Promoting the Transformation of "
                            "Scientific and Technological Achievements: when the decision followed the rules and the process is "
                            "documented, those responsible are not held liable for later changes in the value of the result.",
                        ),
                        (
                            "text",
                            "The initial assessment is the step most often skipped. Use one assessment form scoring technology "
                            "readiness, strength of rights, market size, likely licensees and the team's willingness, and within "
                            "30 days of disclosure reach one of three conclusions: push, follow up, or do not file for now, "
                            "telling the inventors why. The conclusion decides whether money is spent on patent filing and how "
                            "much staff time follows.",
                        ),
                        ("heading", "Internal approval and public notice"),
                        (
                            "text",
                            "Before licensing, assigning or contributing a result as equity, follow the institution's approval "
                            "procedure and publish the result's name and the proposed price, usually for at least 15 days. The "
                            "approval file should hold the assessment, the basis of the price, the due diligence on the "
                            "counterparty and a statement on related-party interests. If researchers or their relatives hold "
                            "shares in the licensee, they must declare it so that the institution can review the conflict of "
                            "interest under its rules.",
                        ),
                        (
                            "case",
                            {
                                "title": "An approval file sent back",
                                "text": "A research institute planned to license a sensor patent to a start-up for 800,000 yuan. The "
                                "discipline office sent the file back: it did not say that the inventor's spouse was a "
                                "shareholder of the start-up. After the interest was declared and an independent firm gave a "
                                "valuation opinion, the fee was raised to 950,000 yuan and published again, and the licence was "
                                "signed. Lesson: a conflict of interest does not necessarily forbid a deal, but it must be "
                                "declared, reviewed and recorded, or a good deal becomes a liability.",
                            },
                        ),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "绩效评价与可持续运营",
                    "body": [
                        ("heading", "考核转化质量，而非数量"),
                        (
                            "text",
                            "以专利申请量或合同份数考核技术转移机构，容易诱导“为签而签”的低价许可和大量无人问津的专利。"
                            "更合理的指标组合包括：成果披露的覆盖率与响应时间、经评估后申请专利的比例、许可合同的实际到账收入、"
                            "被许可方实现产业化的比例、衍生企业的存活与融资情况，以及科研人员对服务的满意度。",
                        ),
                        (
                            "text",
                            "指标要分层：对机构负责人看年度收入和产业化成效，对项目经理看流程时效和项目推进，"
                            "对单位决策层则应呈现转化对学科、人才培养和区域产业的长期贡献。每年发布一份技术转移年度报告，"
                            "既是对内的总结，也是对外争取资源的重要工具。",
                        ),
                        ("heading", "经费来源与激励"),
                        (
                            "text",
                            "机构的经费通常来自单位拨款、转化收益提成和政府项目三部分。仅靠收益提成难以维持，因为转化收入具有明显的"
                            "长尾特征：少数项目贡献大部分收入，而且从披露到收入往往需要五年以上。建议单位在机构建设初期给予稳定的基本经费，"
                            "同时从净收入中提取一定比例（常见为10%至15%）作为机构的运营和奖励经费，使团队与转化结果利益一致。",
                        ),
                        (
                            "case",
                            {
                                "title": "一张年度报告改变了预算讨论",
                                "text": "南湖研究院技术转移部门连续两年因“收入不到百万”被要求压缩编制。第三年，部门在年度报告中"
                                "补充了被许可企业新增产值、衍生企业融资额和依托转化项目培养的研究生人数，"
                                "并逐项说明了重点项目的推进阶段。院务会据此将部门经费改为三年滚动预算。"
                                "启示：绩效评价不仅是管理工具，也是机构向决策层讲清价值的语言。",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Performance Measurement and Sustainable Operation",
                    "body": [
                        ("heading", "Measure the quality of transfer, not its volume"),
                        (
                            "text",
                            "Judging a transfer office by patent filings or the number of contracts invites cheap licences signed "
                            "for their own sake and piles of patents no one wants. A better set of indicators covers how many "
                            "results are disclosed and how quickly the office responds, the share of assessed inventions that "
                            "are patented, licence income actually received, the share of licensees that reach production, the "
                            "survival and funding of spin-offs, and researchers' satisfaction with the service.",
                        ),
                        (
                            "text",
                            "Indicators should be layered: the head of the office answers for annual income and industrial "
                            "results, project managers for process times and project progress, while the leadership should see "
                            "the long-term contribution of transfer to research fields, to training people and to regional "
                            "industry. An annual technology transfer report sums up the year internally and is a strong tool for "
                            "winning resources.",
                        ),
                        ("heading", "Funding and incentives"),
                        (
                            "text",
                            "An office is usually funded by the institution's budget, a share of transfer income and government "
                            "projects. Income shares alone rarely sustain it, because transfer income has a long tail: a few "
                            "projects bring most of the income, and five years or more often pass between disclosure and "
                            "income. Institutions should give the office stable base funding while it is built, and set aside a "
                            "share of net income (often 10% to 15%) for its operations and rewards, so that the team's "
                            "interests follow the results of transfer.",
                        ),
                        (
                            "case",
                            {
                                "title": "An annual report that changed the budget debate",
                                "text": "For two years, Nanhu Research Institute's transfer department was told to cut staff because its "
                                "income was below one million yuan. In the third year its annual report added the new output of "
                                "licensees, the funds raised by spin-offs and the number of graduate students trained on transfer "
                                "projects, and explained the stage of each major project. The institute's board moved the "
                                "department to a three-year rolling budget. Lesson: performance measurement is a management tool "
                                "and also the language in which an office explains its value to the leadership.",
                            },
                        ),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ A-02
    {
        "code": "A-02",
        "module": "practice",
        "delivery": "blended",
        "hours": 8,
        "instructors": ["wang", "liu"],
        "zh": {
            "title": "重大成果转化项目管理",
            "summary": (
                "以一个真实规模的转化项目为主线，讲解复杂交易的结构设计、多方谈判与项目管理，"
                "包括许可与作价投资组合、里程碑付款和谈判中的让步策略。"
            ),
            "objectives": [
                "能够为重大成果设计许可、转让与作价投资相组合的交易结构",
                "能够组织多方谈判，准备谈判方案、底线和让步清单",
                "能够用项目管理方法控制转化项目的范围、进度、风险与干系人",
            ],
        },
        "en": {
            "title": "Managing Major Commercialisation Projects",
            "summary": (
                "A commercialisation project of real size as the thread: structuring complex deals, negotiating with "
                "several parties and managing the project, including licence-and-equity combinations, milestone "
                "payments and concession strategy."
            ),
            "objectives": [
                "Design a deal structure that combines licensing, assignment and equity for a major result",
                "Run a negotiation with several parties, with a plan, walk-away points and a concession list",
                "Control the scope, schedule, risks and stakeholders of a commercialisation project",
            ],
        },
        "lessons": [
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "复杂交易结构：许可、股权与里程碑",
                    "body": [
                        ("heading", "为什么重大成果很少“一次性卖断”"),
                        (
                            "text",
                            "重大成果往往处于早期阶段，距离上市还有多年研发和大额投入，买方难以一次支付与其长期价值相称的价格，"
                            "卖方也不愿在不确定性最大的时刻“贱卖”。因此，复杂交易通常把对价拆成几部分：签约时的入门费、"
                            "按研发节点支付的里程碑款、上市后的销售提成，以及在新公司中的股权。每一部分对应不同阶段的风险分担。",
                        ),
                        (
                            "text",
                            "设计结构时要回答四个问题：谁承担后续研发的费用与风险；哪些权利独占、哪些保留（例如学术研究使用权、"
                            "特定领域或地域的权利）；对方未能推进时如何收回权利（勤勉义务与回授条款）；"
                            "以及股权部分如何估值、如何防止被后续融资过度稀释。",
                        ),
                        ("heading", "许可加股权的组合"),
                        (
                            "text",
                            "对初创企业，常见做法是“低入门费 + 提成 + 少量股权”：入门费覆盖已发生的专利费用，提成分享未来收益，"
                            "股权则让单位分享企业整体成长。若以专利作价入股，应按单位制度定价并公示，明确作价金额、持股比例与出资方式，"
                            "同时约定单位作为股东的信息权和反稀释安排。",
                        ),
                        (
                            "case",
                            {
                                "title": "一项抗体技术的交易结构",
                                "text": "某医学院的一项肿瘤抗体技术吸引了两家药企。学校没有选择出价最高的一次性转让，"
                                "而是与其中一家签订独占许可：入门费500万元，临床前、临床一期、临床三期分别支付里程碑款，"
                                "上市后按净销售额提成，并保留学术研究使用权；若对方连续18个月未推进临床，学校可收回许可。"
                                "两年后该企业因战略调整暂停项目，学校依约收回权利并再次许可。启示：结构设计的价值在不顺利时才显现。",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Complex Deal Structures: Licences, Equity and Milestones",
                    "body": [
                        ("heading", "Why major results are rarely sold outright"),
                        (
                            "text",
                            "Major results are often at an early stage, years of development and large investments away from "
                            "the market. A buyer can hardly pay at once a price that matches their long-term value, and the "
                            "seller does not want to sell cheaply at the moment of greatest uncertainty. Complex deals therefore "
                            "split the consideration: an upfront fee on signing, milestone payments at development stages, "
                            "royalties on sales, and equity in a new company. Each part shares the risk of a different stage.",
                        ),
                        (
                            "text",
                            "A structure must answer four questions: who pays for and bears the risk of further development; "
                            "which rights are exclusive and which are kept back (academic research use, certain fields or "
                            "territories); how rights return if the other side does not progress (diligence obligations and "
                            "grant-back clauses); and how the equity is valued and protected against excessive dilution in "
                            "later rounds.",
                        ),
                        ("heading", "Combining a licence with equity"),
                        (
                            "text",
                            "With start-ups, a common approach is a low upfront fee, royalties and a small equity stake: the fee "
                            "covers patent costs already spent, royalties share future income and equity lets the institution "
                            "share the company's growth. When patents are contributed as equity, price them under the "
                            "institution's rules and publish the price, fix the amount, the share and the form of contribution, "
                            "and agree on the institution's information rights and anti-dilution terms as a shareholder.",
                        ),
                        (
                            "case",
                            {
                                "title": "The structure of an antibody deal",
                                "text": "A medical school's tumour antibody attracted two drug makers. Instead of the highest outright "
                                "offer, the school signed an exclusive licence with one of them: an upfront fee of 5 million yuan, "
                                "milestone payments at preclinical, phase I and phase III, royalties on net sales after launch, "
                                "and research use kept by the school; if the licensee made no clinical progress for 18 months, "
                                "the school could take the licence back. Two years later the company shelved the project after a "
                                "change of strategy, and the school took its rights back and licensed them again. Lesson: a "
                                "structure shows its value when things go wrong.",
                            },
                        ),
                    ],
                },
            },
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "多方谈判：方案、底线与让步",
                    "body": [
                        ("heading", "谈判前的三份文件"),
                        (
                            "text",
                            "重大项目的谈判往往涉及单位、发明人团队、投资方和产业方，各方利益并不一致。谈判前应准备三份文件："
                            "一是谈判方案，列明我方目标、对方可能的诉求和议题顺序；二是底线清单，写明最低可接受的价格、"
                            "必须保留的权利和不可接受的条款，并经单位授权；三是让步清单，把可以交换的条件按对我方的代价排序。",
                        ),
                        (
                            "text",
                            "发明人团队的角色需要事先约定。他们最了解技术，也最容易在谈判桌上被对方的合作前景打动。"
                            "比较稳妥的做法是由技术经理人担任主谈，发明人负责技术答疑，内部先统一口径，"
                            "涉及发明人个人利益的安排（例如到企业兼职、持股）单独讨论并申报。",
                        ),
                        ("heading", "让步的节奏"),
                        (
                            "text",
                            "让步应当有交换、有节奏：每一次让步都换回对方的某项承诺，让步幅度逐步减小，让对方感到接近底线。"
                            "价格以外的条款往往更有交换价值，例如里程碑的设置、技术服务的期限、改进技术的归属和违约责任。"
                            "每轮谈判后形成书面纪要，由双方确认，避免最后起草合同时重新争议。",
                        ),
                    ],
                },
                "en": {
                    "title": "Negotiating with Several Parties: Plan, Limits and Concessions",
                    "body": [
                        ("heading", "Three documents before the table"),
                        (
                            "text",
                            "Negotiations over a major project often involve the institution, the inventors, investors and an "
                            "industrial partner, whose interests differ. Prepare three documents first: a negotiation plan "
                            "with our goals, the other side's likely demands and the order of topics; a list of limits with the "
                            "lowest acceptable price, the rights we must keep and the terms we cannot accept, authorised by the "
                            "institution; and a concession list ranking what we can trade by what it costs us.",
                        ),
                        (
                            "text",
                            "Agree the inventors' role in advance. They know the technology best and are the most easily won "
                            "over by the other side's vision of a partnership. A safe arrangement is for the technology manager "
                            "to lead the talks and the inventors to answer technical questions, with one internal position "
                            "agreed beforehand; arrangements in the inventors' personal interest (a part-time post or shares in "
                            "the company) are discussed separately and declared.",
                        ),
                        ("heading", "The rhythm of concessions"),
                        (
                            "text",
                            "Every concession should buy something and follow a rhythm: each one wins a commitment from the other "
                            "side, and each is smaller than the last, so the other side senses the limit approaching. Terms other "
                            "than price often trade better: milestones, the period of technical support, ownership of "
                            "improvements and liability for breach. After each round, write minutes both sides confirm, so that "
                            "the contract is not renegotiated when it is drafted.",
                        ),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "转化项目的项目管理",
                    "body": [
                        ("heading", "把转化当作项目来管"),
                        (
                            "text",
                            "签约不是终点。许多转化项目在签约后因为技术交接不充分、中试失败或双方沟通中断而停滞。"
                            "技术经理人应当为重大项目建立项目章程：明确目标与范围、关键里程碑、双方联系人、"
                            "技术交接清单和风险登记表，并按月跟踪里程碑和付款情况。",
                        ),
                        (
                            "text",
                            "风险登记表至少应覆盖技术风险（放大后性能下降）、法律风险（权利被宣告无效或侵犯他人权利）、"
                            "市场风险（需求或价格变化）和组织风险（关键人员离开）。每项风险写明可能性、影响、应对措施和责任人，"
                            "在例会上逐项更新。",
                        ),
                        ("heading", "干系人与沟通"),
                        (
                            "text",
                            "重大项目的干系人包括单位领导、财务和资产管理部门、发明人、企业的研发和法务团队，有时还有地方政府。"
                            "为每类干系人确定沟通频率和形式：领导层关注季度进展和风险，发明人关注技术交接和收益，"
                            "企业关注交付时间。按时、如实地报告坏消息，比报喜更能赢得各方信任。",
                        ),
                        (
                            "case",
                            {
                                "title": "一次没有写进合同的技术交接",
                                "text": "某催化剂技术许可签约后，企业在中试放大时收率始终达不到实验室水平。追查发现，"
                                "关键的载体预处理步骤只记录在一名已毕业研究生的实验记录中，没有写进技术资料清单。"
                                "技术转移中心组织双方补充交接、延长技术服务三个月，项目才得以继续。"
                                "启示：技术交接清单应作为合同附件，并约定交接验收的方式和时限。",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Project Management for Commercialisation",
                    "body": [
                        ("heading", "Manage transfer as a project"),
                        (
                            "text",
                            "Signing is not the end. Many commercialisation projects stall after signing because the technology "
                            "was not fully handed over, the pilot failed or the parties stopped talking. For major projects the "
                            "technology manager should write a project charter: goals and scope, key milestones, contacts on "
                            "both sides, a technology hand-over checklist and a risk register, and track milestones and payments "
                            "every month.",
                        ),
                        (
                            "text",
                            "The risk register should cover at least technical risk (performance falling at scale), legal risk "
                            "(rights invalidated or infringing someone else's), market risk (changes in demand or price) and "
                            "organisational risk (key people leaving). For each risk, record its likelihood, impact, response "
                            "and owner, and update it item by item at the regular meeting.",
                        ),
                        ("heading", "Stakeholders and communication"),
                        (
                            "text",
                            "The stakeholders of a major project include the institution's leaders, its finance and asset "
                            "departments, the inventors, the company's R&D and legal teams, and sometimes the local government. "
                            "Set how often and how to inform each: leaders want quarterly progress and risks, inventors the "
                            "hand-over and their income, the company delivery dates. Reporting bad news on time and honestly "
                            "earns more trust than reporting good news.",
                        ),
                        (
                            "case",
                            {
                                "title": "A hand-over that was not in the contract",
                                "text": "After a catalyst licence was signed, the company's pilot never reached the laboratory yield. The "
                                "cause was a pre-treatment step of the carrier recorded only in the lab notebook of a graduate "
                                "student who had left; it was not on the list of technical documents. The transfer centre "
                                "arranged a further hand-over and three more months of technical support before the project could "
                                "go on. Lesson: the hand-over checklist belongs in the contract as an annex, with how and when the "
                                "hand-over is accepted.",
                            },
                        ),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ A-03
    {
        "code": "A-03",
        "module": "practice",
        "delivery": "online",
        "hours": 8,
        "instructors": ["zhao", "wang"],
        "zh": {
            "title": "知识产权运营与资本化",
            "summary": (
                "讲解专利组合的构建、组合价值评估，以及许可、质押融资、证券化和作价入股等资本化工具，"
                "帮助技术经理人把知识产权作为资产来经营。"
            ),
            "objectives": [
                "能够围绕产品和技术路线构建、分级管理专利组合",
                "能够选择适当方法评估专利组合的价值，并说明假设与敏感性",
                "能够比较质押融资、证券化、作价入股等资本化工具的适用条件与风险",
            ],
        },
        "en": {
            "title": "IP Operations and Capitalisation",
            "summary": (
                "Building patent portfolios, valuing them as portfolios, and the tools that turn IP into capital — "
                "licensing, pledge financing, securitisation and contribution as equity — so that IP is managed as an asset."
            ),
            "objectives": [
                "Build a patent portfolio around products and technology roadmaps and manage it in tiers",
                "Choose a suitable method to value a patent portfolio and state its assumptions and sensitivities",
                "Compare pledge financing, securitisation and equity contribution: when each fits and its risks",
            ],
        },
        "lessons": [
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "专利组合的构建与分级管理",
                    "body": [
                        ("heading", "从单件专利到专利组合"),
                        (
                            "text",
                            "在产业谈判中，单件专利很少能决定交易，真正有议价能力的是围绕一项产品或技术路线形成的专利组合："
                            "核心专利保护关键技术方案，外围专利覆盖替代方案、改进和应用场景，再加上制造工艺和检测方法的专利，"
                            "使竞争者难以绕开。构建组合的起点是技术路线图和竞争对手的专利地图，而不是科研人员手中已有的论文。",
                        ),
                        (
                            "text",
                            "组合需要分级管理。可以按技术重要性、权利稳定性和商业化前景把专利分为A、B、C三级："
                            "A级重点维护并主动推广，B级定期复核，C级在年费到期前评估是否放弃或打包转让。"
                            "每年的分级复核能显著降低维持费用，把资源集中在真正有价值的专利上。",
                        ),
                        ("heading", "组合的运营方式"),
                        (
                            "text",
                            "组合可以整体许可给一家企业，也可以按领域拆分许可给多家企业；可以加入专利池获得标准化的许可收入，"
                            "也可以与其他单位组建联盟共同运营。选择哪种方式，取决于技术是否具有通用性、市场是否集中以及单位自身的运营能力。",
                        ),
                    ],
                },
                "en": {
                    "title": "Building and Tiering a Patent Portfolio",
                    "body": [
                        ("heading", "From single patents to a portfolio"),
                        (
                            "text",
                            "In industry negotiations a single patent rarely decides a deal; bargaining power comes from a "
                            "portfolio built around a product or technology roadmap: core patents protect the key technical "
                            "solution, surrounding patents cover alternatives, improvements and applications, and patents on "
                            "manufacturing and testing methods make it hard for competitors to design around. A portfolio starts "
                            "from the technology roadmap and a patent map of competitors, not from the papers researchers "
                            "already have.",
                        ),
                        (
                            "text",
                            "A portfolio needs tiered management. Patents can be graded A, B and C by technical importance, "
                            "strength of rights and commercial prospects: A patents are maintained and actively marketed, B "
                            "patents reviewed regularly, and C patents assessed before their annuities fall due, to be dropped "
                            "or sold as a bundle. A yearly grading review cuts maintenance costs markedly and concentrates "
                            "resources on the patents that matter.",
                        ),
                        ("heading", "Ways to operate a portfolio"),
                        (
                            "text",
                            "A portfolio can be licensed whole to one company or split by field among several; it can join a "
                            "patent pool for standard licensing income or be run jointly with other institutions in an "
                            "alliance. The choice depends on whether the technology is general-purpose, whether the market is "
                            "concentrated and what the institution itself can operate.",
                        ),
                    ],
                },
            },
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "专利组合的价值评估",
                    "body": [
                        ("heading", "三种方法，一个组合"),
                        (
                            "text",
                            "成本法、市场法和收益法同样适用于专利组合，但组合评估有其特殊之处。成本法只能反映研发与维持投入，"
                            "通常作为下限参考；市场法需要可比交易，而公开的组合交易数据很少；收益法最常用，"
                            "即预测组合所支撑产品的未来收益，扣除其他资产的贡献后，按技术分成率和风险调整后的折现率折现。",
                        ),
                        (
                            "text",
                            "组合评估的关键是避免重复计算：同一产品的收益不能分别归到每一件专利再相加。"
                            "实践中先评估组合整体对产品收益的贡献，再按核心与外围专利的技术重要性、剩余保护期和稳定性分配到各件专利，"
                            "以便在部分专利单独转让或放弃时调整价值。",
                        ),
                        ("heading", "写清假设与敏感性"),
                        (
                            "text",
                            "任何评估结论都依赖假设：市场规模、市场份额、分成率、折现率、产品上市时间。"
                            "评估报告应当列出关键假设的依据，并给出敏感性分析，例如折现率上下浮动2个百分点、上市推迟两年时价值如何变化。"
                            "在谈判中，敏感性分析往往比一个“精确”的数字更有说服力。",
                        ),
                        (
                            "case",
                            {
                                "title": "一组被高估的外围专利",
                                "text": "某企业拟以一组32件专利作价入股合资公司，评估报告对每件专利分别按收益法估值后相加，总价值2.4亿元。"
                                "合资方聘请的专家发现，其中26件外围专利对应的是同一条产品线，收益被重复计算；"
                                "按组合整体重新评估后，价值调整为7800万元。启示：组合评估要从产品收益出发，先整体后分配。",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Valuing a Patent Portfolio",
                    "body": [
                        ("heading", "Three methods, one portfolio"),
                        (
                            "text",
                            "The cost, market and income approaches all apply to portfolios, with particular care. The cost "
                            "approach reflects only what was spent on research and maintenance and usually serves as a floor; "
                            "the market approach needs comparable deals, and public data on portfolio deals is scarce; the income "
                            "approach is the most used: forecast the income of the products the portfolio supports, remove the "
                            "contribution of other assets, and discount at a royalty rate and a risk-adjusted discount rate.",
                        ),
                        (
                            "text",
                            "The key in valuing a portfolio is not to count twice: the income of one product cannot be credited "
                            "to each patent separately and then added up. In practice, first value the whole portfolio's "
                            "contribution to product income, then allocate it to individual patents by their technical "
                            "importance (core or surrounding), remaining term and strength, so that value can be adjusted when "
                            "some patents are sold or dropped.",
                        ),
                        ("heading", "State the assumptions and the sensitivities"),
                        (
                            "text",
                            "Every valuation rests on assumptions: market size, market share, royalty rate, discount rate and "
                            "launch date. A valuation report should give the basis of each key assumption and a sensitivity "
                            "analysis, for example how the value changes if the discount rate moves two points up or down or "
                            "the launch slips by two years. In negotiation a sensitivity analysis often persuades more than a "
                            '"precise" figure.',
                        ),
                        (
                            "case",
                            {
                                "title": "Surrounding patents valued too high",
                                "text": "A company planned to contribute 32 patents as equity in a joint venture. Its valuation report "
                                "valued each patent by the income approach and added them up: 240 million yuan. The partner's "
                                "expert found that 26 surrounding patents served the same product line, whose income had been "
                                "counted again and again; valued as one portfolio, the figure became 78 million yuan. Lesson: value "
                                "a portfolio from product income, the whole first, then allocate.",
                            },
                        ),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "资本化工具：质押、证券化与作价入股",
                    "body": [
                        ("heading", "知识产权质押融资"),
                        (
                            "text",
                            "知识产权质押融资让科技型中小企业以专利、商标等作为担保获得银行贷款。办理时需在国家知识产权局办理质押登记，"
                            "银行通常要求评估报告，并结合企业经营状况确定质押率。许多地方设立了风险补偿资金池，"
                            "由政府、银行和担保机构分担损失，降低了银行的顾虑。技术经理人应帮助企业梳理权利状态，"
                            "确认没有权属争议、未被许可他人独占实施，并评估专利被宣告无效的风险。",
                        ),
                        ("heading", "证券化与作价入股"),
                        (
                            "text",
                            "知识产权证券化以一组专利许可产生的稳定现金流为基础资产发行证券，适合许可收入稳定、许可方分散的情形，"
                            "对基础资产的质量和现金流的可预测性要求很高。作价入股则把知识产权变成企业股权，"
                            "适合技术需要在新企业中继续开发的情形，要关注作价金额是否合理、出资是否按期办理权利转移手续，"
                            "以及单位作为股东如何参与治理和退出。",
                        ),
                        (
                            "text",
                            "选择工具时要回到目的：如果企业缺的是流动资金，质押融资更直接；如果单位希望长期分享成长，作价入股更合适；"
                            "如果持有大量已许可专利并希望提前回收资金，可以考虑证券化。三种工具都要求权利清晰、估值有据、文件完整，"
                            "这正是日常运营中分级管理和档案工作的回报。",
                        ),
                    ],
                },
                "en": {
                    "title": "Capitalisation Tools: Pledges, Securitisation and Equity",
                    "body": [
                        ("heading", "IP pledge financing"),
                        (
                            "text",
                            "IP pledge financing lets small technology companies borrow from banks against patents, trademarks "
                            "and other IP. The pledge is registered with the National Intellectual Property Administration; "
                            "banks usually want a valuation report and set the loan-to-value ratio with the company's business "
                            "in view. Many localities have risk compensation pools in which government, banks and guarantors "
                            "share losses, easing banks' concerns. The technology manager helps the company check the status "
                            "of its rights: no ownership dispute, no exclusive licence granted to others, and the risk of "
                            "invalidation assessed.",
                        ),
                        ("heading", "Securitisation and equity contribution"),
                        (
                            "text",
                            "IP securitisation issues securities backed by the steady cash flow of licences on a group of "
                            "patents; it suits stable licence income from many licensees and demands high-quality underlying "
                            "assets and predictable cash flows. Contributing IP as equity turns it into shares of a company; it "
                            "suits technology that must be developed further in a new company. Watch whether the price is "
                            "reasonable, whether the rights are transferred on time as the contribution requires, and how the "
                            "institution takes part in governance and exits as a shareholder.",
                        ),
                        (
                            "text",
                            "Choose the tool by the purpose: if the company lacks working capital, a pledge is the direct route; "
                            "if the institution wants to share long-term growth, equity fits better; if it holds many licensed "
                            "patents and wants its money earlier, securitisation may be considered. All three require clear "
                            "rights, a well-founded value and complete files, which is the reward for tiered management and "
                            "record-keeping in daily operations.",
                        ),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ A-04
    {
        "code": "A-04",
        "module": "policy",
        "delivery": "online",
        "hours": 6,
        "instructors": ["zhou", "liu"],
        "zh": {
            "title": "跨境技术并购与出口管制",
            "summary": (
                "讲解跨境技术转移与技术并购的法律框架，包括技术进出口管理、出口管制、外商投资安全审查与数据合规，"
                "以及跨境交易的尽职调查与合同安排。"
            ),
            "objectives": [
                "能够判断一项跨境技术交易是否涉及禁止、限制出口技术或出口管制物项",
                "能够识别跨境并购中的安全审查、反垄断申报和数据出境合规要求",
                "能够为跨境许可和并购设计合规条款与交易时间表",
            ],
        },
        "en": {
            "title": "Cross-border Technology M&A and Export Control",
            "summary": (
                "The legal framework of cross-border transfer and technology M&A: technology import and export "
                "administration, export control, security review of foreign investment and data compliance, with the "
                "due diligence and contract terms of cross-border deals."
            ),
            "objectives": [
                "Judge whether a cross-border deal involves technology whose export is prohibited or restricted, or "
                "controlled items",
                "Recognise the security review, merger filing and data-export requirements of cross-border M&A",
                "Design compliance terms and a deal timetable for cross-border licences and acquisitions",
            ],
        },
        "lessons": [
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "技术进出口管理与出口管制",
                    "body": [
                        ("heading", "两套相互衔接的制度"),
                        (
                            "text",
                            "我国对技术出口实行分类管理。《技术进出口管理条例》把技术分为禁止、限制和自由进出口三类："
                            "属于禁止出口的，不得出口；属于限制出口的，实行许可证管理，须先取得技术出口许可意向、再签订合同并申领许可证；"
                            "属于自由出口的，实行合同登记管理。具体范围见《中国禁止出口限制出口技术目录》，该目录在2020年作了调整，"
                            "增加了若干新兴技术条目。",
                        ),
                        (
                            "text",
                            "2020年12月施行的《出口管制法》则从国家安全角度管理两用物项、军品、核以及其他与维护国家安全相关的货物、"
                            "技术和服务，实行管控清单和许可制度，并规定了最终用户和最终用途管理。技术许可、技术服务、"
                            "向境外人员提供技术资料，甚至在境内向外国人员进行技术培训，都可能构成需要审查的技术出口。",
                        ),
                        ("heading", "对方国家的规则同样重要"),
                        (
                            "text",
                            "跨境交易还要考虑对方法域的出口管制。例如美国《出口管理条例》对“视同出口”有专门规定：在美国境内"
                            "向外国人员披露受控技术，视为向其国籍国出口。引进境外技术或与境外机构合作研发时，"
                            "应核查相关技术的出口管制分类、是否需要许可以及再出口限制，并把这些义务写进合同。",
                        ),
                        (
                            "case",
                            {
                                "title": "一次差点违规的技术培训",
                                "text": "某高校团队与东南亚一家企业签订了一项精密加工工艺的技术服务合同，约定派员到对方工厂培训。"
                                "技术转移中心审核时发现，工艺中涉及的一类高精度数控参数可能落入限制出口技术目录。"
                                "经咨询商务主管部门，团队先申请了技术出口许可，调整了交付范围，培训推迟两个月后完成。"
                                "启示：出口合规审查应当在签约前进行，技术服务和人员培训同样可能构成技术出口。",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Technology Import and Export Administration and Export Control",
                    "body": [
                        ("heading", "Two systems that fit together"),
                        (
                            "text",
                            "China manages technology exports by category. The Regulations on the Administration of Technology "
                            "Import and Export divide technologies into prohibited, restricted and freely traded: prohibited "
                            "technology may not be exported; restricted technology needs a licence, first a letter of intent "
                            "for the export, then the contract, then the licence itself; freely traded technology needs only "
                            "contract registration. The scope is set by the Catalogue of Technologies Prohibited or Restricted "
                            "from Export, revised in 2020 with several emerging technologies added.",
                        ),
                        (
                            "text",
                            "The Export Control Law, in force since December 2020, manages dual-use items, military and nuclear "
                            "items and other goods, technologies and services related to national security, through control "
                            "lists, licences and end-user and end-use controls. Licensing technology, providing technical "
                            "services, handing technical documents to people abroad, and even training foreign staff inside "
                            "China may all be technology exports that need review.",
                        ),
                        ("heading", "The other country's rules matter too"),
                        (
                            "text",
                            "Cross-border deals must also respect the other jurisdiction's export controls. The United States "
                            "Export Administration Regulations, for example, treat disclosing controlled technology to a foreign "
                            'national inside the United States as a "deemed export" to that person\'s country. When importing '
                            "technology or doing joint research with foreign partners, check the technology's export control "
                            "classification, any licence requirement and re-export limits, and write these obligations into "
                            "the contract.",
                        ),
                        (
                            "case",
                            {
                                "title": "A training course that almost broke the rules",
                                "text": "A university team signed a technical service contract with a South-East Asian company on a "
                                "precision machining process, including training at the customer's plant. Reviewing it, the "
                                "transfer centre found that a set of high-precision CNC parameters in the process might fall "
                                "under the restricted export catalogue. After consulting the commerce authority, the team applied "
                                "for an export licence and narrowed what it delivered; the training took place two months late. "
                                "Lesson: check export compliance before signing; technical services and training can be exports "
                                "too.",
                            },
                        ),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "跨境技术并购的审查与尽职调查",
                    "body": [
                        ("heading", "交易前的审查地图"),
                        (
                            "text",
                            "跨境技术并购可能同时触发多项审查：外资进入我国关键技术领域的，需要考虑《外商投资安全审查办法》；"
                            "达到申报标准的经营者集中须进行反垄断申报；我国企业收购境外技术企业，则可能面对对方国家的外国投资审查，"
                            "例如美国外国投资委员会对关键技术企业的审查。交易双方应在意向阶段就画出“审查地图”，"
                            "把审查时间和不获批准的后果写进交易文件。",
                        ),
                        (
                            "text",
                            "技术尽职调查除了核查专利的权属、有效性和自由实施风险，还要关注研发数据和个人信息。"
                            "依据《数据安全法》《个人信息保护法》，重要数据和一定规模的个人信息出境需要履行安全评估或其他合规程序，"
                            "在并购后的系统整合中尤其容易被忽略。",
                        ),
                        ("heading", "合同中的保护条款"),
                        (
                            "text",
                            "跨境交易文件通常约定：以取得全部必要审批为交割先决条件；卖方就技术权属和合规状况作出陈述与保证；"
                            "因审批失败终止交易时的分手费；技术资料交付的方式和出口合规责任；以及争议解决的法律适用与仲裁地。"
                            "技术经理人不必替代律师起草，但要能读懂这些条款对交易节奏和风险分配的影响。",
                        ),
                    ],
                },
                "en": {
                    "title": "Reviews and Due Diligence in Cross-border Technology M&A",
                    "body": [
                        ("heading", "A map of reviews before the deal"),
                        (
                            "text",
                            "A cross-border technology acquisition may trigger several reviews at once: foreign investment in key "
                            "technology fields in China falls under the Measures for the Security Review of Foreign Investment; "
                            "concentrations above the thresholds need a merger filing; a Chinese company buying a technology "
                            "firm abroad may face the other country's foreign investment review, such as CFIUS review of critical "
                            "technology businesses in the United States. The parties should draw this map of reviews at the "
                            "letter-of-intent stage and put review timing, and the consequences of a refusal, into the deal "
                            "documents.",
                        ),
                        (
                            "text",
                            "Technical due diligence checks the ownership, validity and freedom to operate of patents, but also "
                            "research data and personal information. Under the Data Security Law and the Personal Information "
                            "Protection Law, exporting important data, or personal information above certain volumes, requires a "
                            "security assessment or another compliance procedure, which is easily forgotten when systems are "
                            "merged after the deal.",
                        ),
                        ("heading", "Protective terms in the contract"),
                        (
                            "text",
                            "Cross-border deal documents usually make all required approvals a condition of closing; have the "
                            "seller represent and warrant the ownership and compliance of the technology; set a break fee if "
                            "approval fails; fix how technical documents are delivered and who answers for export compliance; "
                            "and choose the governing law and seat of arbitration. The technology manager need not draft in the "
                            "lawyer's place, but must understand how these terms shape the deal's pace and the sharing of risk.",
                        ),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "国际技术许可的合规条款",
                    "body": [
                        ("heading", "许可合同中的跨境要素"),
                        (
                            "text",
                            "国际技术许可合同除常规条款外，要特别关注：许可的地域和领域是否与对方的出口管制义务相容；"
                            "许可费的币种、汇率风险和预提所得税，能否依据税收协定适用较低税率；技术进口合同的登记手续；"
                            "以及改进技术的归属。《技术进出口管理条例》要求技术进口合同不得含有不合理限制受让人改进技术或使用改进技术的条款。",
                        ),
                        (
                            "text",
                            "合同还应约定合规义务的分配：各方保证遵守适用的出口管制和制裁法规；"
                            "因法规变化导致无法履行时的暂停、调整与终止机制；以及最终用户和最终用途的承诺。"
                            "近年来制裁清单变化频繁，合同中的“法律变更”条款和终止后的资料返还、销毁安排尤为重要。",
                        ),
                        ("heading", "建立单位的出口合规流程"),
                        (
                            "text",
                            "从事国际合作较多的高校和科研机构，应当建立内部出口合规制度：指定合规负责人，"
                            "在合作协议审批、对外技术服务、外籍人员访问实验室等环节嵌入物项分类与受限方筛查，"
                            "并保存审查记录。合规流程的目的不是阻止国际合作，而是让合作在规则之内可预期地进行。",
                        ),
                    ],
                },
                "en": {
                    "title": "Compliance Terms in International Licences",
                    "body": [
                        ("heading", "Cross-border elements of a licence"),
                        (
                            "text",
                            "Beyond the usual terms, an international licence needs special attention to: whether its territory "
                            "and field are compatible with the parties' export control obligations; the currency of royalties, "
                            "exchange-rate risk and withholding tax, and whether a tax treaty allows a lower rate; registration of "
                            "technology import contracts; and ownership of improvements. The Regulations on the Administration "
                            "of Technology Import and Export forbid technology import contracts from unreasonably restricting "
                            "the licensee from improving the technology or using the improvements.",
                        ),
                        (
                            "text",
                            "The contract should also allocate compliance duties: each party warrants it will obey applicable "
                            "export control and sanctions laws; a mechanism to suspend, adjust or end the contract if a change of "
                            "law makes performance impossible; and end-user and end-use commitments. Sanctions lists change "
                            "often, so the change-of-law clause and the return or destruction of documents after termination "
                            "matter all the more.",
                        ),
                        ("heading", "An export compliance process for the institution"),
                        (
                            "text",
                            "Universities and research institutes with much international cooperation should have an internal "
                            "export compliance programme: a named compliance officer, item classification and restricted-party "
                            "screening built into the approval of collaboration agreements, technical services abroad and "
                            "foreign visitors to laboratories, and kept records of each review. The aim is not to stop "
                            "international cooperation but to let it proceed predictably within the rules.",
                        ),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ A-05
    {
        "code": "A-05",
        "module": "general",
        "delivery": "online",
        "hours": 6,
        "instructors": ["wang", "chen"],
        "zh": {
            "title": "科技成果评价体系设计",
            "summary": (
                "讲解科技成果分类评价的政策要求与方法，帮助技术经理人为单位或地区设计可操作的评价指标、"
                "流程和第三方评价机制。"
            ),
            "objectives": [
                "理解科技成果分类评价改革的政策背景与基本原则",
                "能够为不同类型的成果设计评价维度、指标和证据要求",
                "能够组织评价过程，管理评价专家和利益冲突，并运用评价结果",
            ],
        },
        "en": {
            "title": "Designing Evaluation Systems for S&T Results",
            "summary": (
                "The policy and methods of evaluating research results by category, so that a technology manager can "
                "design workable indicators, procedures and third-party evaluation for an institution or region."
            ),
            "objectives": [
                "Understand the background and principles of the reform towards evaluating results by category",
                "Design dimensions, indicators and evidence for different kinds of results",
                "Organise an evaluation, manage its experts and conflicts of interest, and use its results",
            ],
        },
        "lessons": [
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "分类评价的政策与原则",
                    "body": [
                        ("heading", "从“唯论文”到分类评价"),
                        (
                            "text",
                            "2021年国务院办公厅印发《关于完善科技成果评价机制的指导意见》，提出坚持科技创新质量、绩效、贡献为核心的评价导向，"
                            "对基础研究、应用研究和技术开发、产业化等不同类型成果分类评价：基础研究成果以同行评议为主，"
                            "突出原创贡献；应用研究成果以行业用户和社会评价为主，注重实际应用价值；"
                            "产业化成果以用户评价、市场检验和第三方评价为主，看重经济效益和社会效益。",
                        ),
                        (
                            "text",
                            "意见同时鼓励发展第三方科技成果评价机构，推广技术成熟度、技术创新度等评价工具，"
                            "并明确评价结果要服务于成果转化、金融支持和人才激励。对技术经理人而言，"
                            "评价不再只是结题鉴定，而是转化决策和融资的依据。",
                        ),
                        ("heading", "好的评价体系的四个特征"),
                        (
                            "text",
                            "第一，目的明确：为转化决策服务的评价与为奖励推荐服务的评价，指标和证据要求不同。"
                            "第二，证据可查：每项指标都对应可核验的材料，如检测报告、用户证明、合同与发票。"
                            "第三，程序公正：专家遴选、回避和意见汇总有规则可依。第四，结果可用：评价结论能直接进入决策和档案。",
                        ),
                    ],
                },
                "en": {
                    "title": "Evaluation by Category: Policy and Principles",
                    "body": [
                        ("heading", "From papers only to evaluation by category"),
                        (
                            "text",
                            "In 2021 the General Office of the State Council issued guidance on improving the evaluation of "
                            "scientific and technological results, centring evaluation on quality, performance and contribution "
                            "and evaluating results by category: basic research mainly by peer review, for its original "
                            "contribution; applied research and technology development mainly by industry users and society, "
                            "for its practical value; industrialised results mainly by users, the market and third parties, "
                            "for their economic and social benefits.",
                        ),
                        (
                            "text",
                            "The guidance also encourages third-party evaluation bodies and tools such as technology readiness "
                            "and innovation levels, and says that evaluation should serve commercialisation, financing and "
                            "rewards for researchers. For a technology manager, evaluation is no longer only the acceptance of "
                            "a finished project but the basis of transfer decisions and financing.",
                        ),
                        ("heading", "Four marks of a good evaluation system"),
                        (
                            "text",
                            "First, a clear purpose: an evaluation for a transfer decision needs other indicators and evidence "
                            "than one for an award nomination. Second, verifiable evidence: every indicator points to material "
                            "that can be checked, such as test reports, user statements, contracts and invoices. Third, a fair "
                            "procedure: rules for choosing experts, for recusal and for combining opinions. Fourth, usable "
                            "results: conclusions that go straight into decisions and records.",
                        ),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "指标、量表与证据",
                    "body": [
                        ("heading", "从维度到指标"),
                        (
                            "text",
                            "面向转化的成果评价通常包括技术、法律、市场和团队四个维度。技术维度看创新程度、成熟度和可替代性，"
                            "可采用技术就绪水平（TRL）九级量表；法律维度看权利稳定性、保护范围和自由实施风险；"
                            "市场维度看目标市场规模、需求紧迫性和潜在受让方；团队维度看成果完成人的持续投入意愿和产业经验。",
                        ),
                        (
                            "text",
                            "每个指标都应配有评分量表和锚定描述。例如“技术成熟度”给5分的条件是“已在真实环境中完成系统验证”，"
                            "给3分的条件是“已完成实验室环境下的原理样机”。锚定描述让不同专家对同一证据给出接近的分数，"
                            "也让被评价者知道如何补充材料。",
                        ),
                        ("heading", "权重与评分差异"),
                        (
                            "text",
                            "权重应当与评价目的一致：为许可定价服务的评价，市场维度的权重可以更高；为早期种子基金遴选服务的评价，"
                            "团队维度的权重可以更高。多名专家评分差异较大时，不宜简单取平均，而应请专家说明理由，"
                            "必要时增加一名专家或由评价组长组织复议，并把差异和处理过程记录在案。",
                        ),
                        (
                            "case",
                            {
                                "title": "锚定描述减少了评分分歧",
                                "text": "某省科技成果评价中心最初只给出“技术先进性（0—10分）”这样的指标，同一项成果的专家评分常常相差5分以上。"
                                "中心为每个指标编写了三档锚定描述并附上示例材料后，专家之间的平均分差降到1.5分以内，"
                                "需要复议的项目从三成降到不足一成。启示：量表的清晰程度决定了评价的可信程度。",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Indicators, Scales and Evidence",
                    "body": [
                        ("heading", "From dimensions to indicators"),
                        (
                            "text",
                            "An evaluation aimed at transfer usually has four dimensions: technology, law, market and team. The "
                            "technical dimension covers novelty, maturity and substitutability, for which the nine-level "
                            "technology readiness scale (TRL) can be used; the legal dimension covers strength of rights, scope "
                            "of protection and freedom to operate; the market dimension covers market size, urgency of need and "
                            "likely licensees; the team dimension covers the inventors' willingness to keep working on it and "
                            "their industry experience.",
                        ),
                        (
                            "text",
                            'Each indicator needs a scale with anchor descriptions. For example, "technical maturity" scores 5 '
                            'when "the system has been validated in a real environment" and 3 when "a laboratory prototype '
                            'proves the principle". Anchors make different experts give similar scores for the same evidence '
                            "and tell those evaluated what material to add.",
                        ),
                        ("heading", "Weights and differing scores"),
                        (
                            "text",
                            "Weights should follow the purpose: an evaluation for pricing a licence may weigh the market more; "
                            "one for choosing projects for an early seed fund may weigh the team more. When experts' scores "
                            "differ widely, do not simply average them: ask the experts for their reasons and, if needed, add an "
                            "expert or let the panel chair lead a reconsideration, recording the difference and how it was "
                            "settled.",
                        ),
                        (
                            "case",
                            {
                                "title": "Anchors narrowed the spread of scores",
                                "text": 'A provincial evaluation centre first used indicators such as "technical advancement (0–10)" '
                                "alone, and experts' scores for the same result often differed by more than five points. After "
                                "the centre wrote three anchor descriptions for each indicator with sample material, the average "
                                "gap between experts fell below 1.5 points, and the share of projects needing reconsideration fell "
                                "from about 30% to under 10%. Lesson: how clear the scale is decides how credible the evaluation is.",
                            },
                        ),
                    ],
                },
            },
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "评价的组织与结果运用",
                    "body": [
                        ("heading", "专家与回避"),
                        (
                            "text",
                            "评价专家应当由技术、产业、法律和投资等方面的人员组成，并建立回避规则：与被评价者同一单位、"
                            "近三年有合作或利益关系的专家不得参加。对竞争性评审，可以采用匿名评审，隐去完成人姓名和单位，"
                            "让专家只看成果本身。专家意见和打分应当单独提交，避免在讨论中相互影响。",
                        ),
                        (
                            "text",
                            "评价结论要写明依据、主要风险和改进建议，而不是只给一个总分。对未通过的项目，"
                            "应当告知具体的不足，以便完成人补充验证后再次申请。评价全过程的材料、专家名单和评分记录应当归档保存，"
                            "以备审计和复核。",
                        ),
                        ("heading", "结果的运用"),
                        (
                            "text",
                            "评价结果可以用于决定是否申请专利和投入概念验证经费，作为许可定价和作价入股的参考，"
                            "支持银行质押融资和投资机构尽职调查，也可以作为职称评审和绩效奖励的依据之一。"
                            "评价体系的生命力在于被使用：如果评价结果从未影响任何决策，参与各方很快就会敷衍了事。",
                        ),
                    ],
                },
                "en": {
                    "title": "Running an Evaluation and Using Its Results",
                    "body": [
                        ("heading", "Experts and recusal"),
                        (
                            "text",
                            "Evaluation experts should come from technology, industry, law and investment, under recusal rules: "
                            "experts from the same institution as those evaluated, or who have worked with them or had interests "
                            "in common in the past three years, may not take part. For competitive reviews, use blind review, "
                            "hiding the inventors' names and institutions so that experts see only the result. Experts submit "
                            "their opinions and scores separately, so that discussion does not sway them.",
                        ),
                        (
                            "text",
                            "A conclusion should state its grounds, the main risks and suggestions for improvement, not just a "
                            "total score. Projects that fail should be told exactly what is missing, so that the inventors can "
                            "add validation and apply again. All the material, the list of experts and the score sheets are "
                            "archived for audits and reviews.",
                        ),
                        ("heading", "Using the results"),
                        (
                            "text",
                            "Evaluation results can decide whether to file patents and spend proof-of-concept money, inform "
                            "licence pricing and equity valuations, support bank pledge loans and investors' due diligence, and "
                            "count among the grounds for promotions and performance rewards. An evaluation system lives by being "
                            "used: if its results never change a decision, everyone involved soon stops taking it seriously.",
                        ),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ A-06
    {
        "code": "A-06",
        "module": "practice",
        "delivery": "online",
        "hours": 6,
        "instructors": ["sun", "chen"],
        "zh": {
            "title": "衍生企业与孵化",
            "summary": (
                "讲解以科技成果创办衍生企业的全过程：创业团队与股权结构、科研人员兼职与离岗创业政策、"
                "单位持股管理，以及孵化与早期融资。"
            ),
            "objectives": [
                "能够判断一项成果是否适合以衍生企业方式转化",
                "能够设计创始团队、单位和投资人之间合理的股权结构与治理安排",
                "能够为衍生企业对接孵化资源与早期融资，并管理单位的持股与退出",
            ],
        },
        "en": {
            "title": "Spin-offs and Incubation",
            "summary": (
                "Founding a company on research results from start to finish: the founding team and cap table, the "
                "policies on researchers working part-time or on leave in start-ups, managing the institution's stake, "
                "and incubation and early funding."
            ),
            "objectives": [
                "Judge whether a result is best commercialised through a spin-off",
                "Design a fair cap table and governance among founders, institution and investors",
                "Connect a spin-off with incubation and early funding, and manage the institution's stake and exit",
            ],
        },
        "lessons": [
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "何时选择衍生企业",
                    "body": [
                        ("heading", "不是每项成果都适合创业"),
                        (
                            "text",
                            "当一项成果是平台性技术、需要在专门的组织中继续开发，且现有企业缺乏接受能力或意愿时，"
                            "创办衍生企业往往是更好的转化路径。反之，如果成果只是对现有产品的改进，且行业内已有明确的潜在受让方，"
                            "许可通常更快、成本更低。判断时还要看团队：是否有人愿意全职投入，是否有人懂市场和管理。",
                        ),
                        (
                            "text",
                            "科研人员参与创业有政策支持。按照有关规定，高校和科研院所的科研人员经单位同意，可以兼职创新或者在职创办企业，"
                            "也可以离岗创业，离岗创业期限一般不超过三年，期间保留人事关系。单位应当制定明确的审批程序、"
                            "兼职时间安排和利益冲突管理规则，避免科研人员把单位资源用于个人企业。",
                        ),
                        ("heading", "创业前的检查清单"),
                        (
                            "text",
                            "成立衍生企业前，应当确认：成果权属清楚并已按制度完成作价或许可安排；创始团队的角色和投入时间明确；"
                            "未来12至18个月的里程碑和资金需求有初步测算；单位与企业之间的关联交易、实验室使用和人员兼职有书面约定。",
                        ),
                    ],
                },
                "en": {
                    "title": "When to Choose a Spin-off",
                    "body": [
                        ("heading", "Not every result should become a start-up"),
                        (
                            "text",
                            "When a result is a platform technology that needs further development in a dedicated organisation, "
                            "and existing companies lack the ability or will to take it up, a spin-off is often the better path. "
                            "If the result merely improves existing products and the industry has obvious licensees, a licence "
                            "is usually faster and cheaper. The team matters too: is anyone willing to work on it full time, "
                            "and does anyone understand the market and management?",
                        ),
                        (
                            "text",
                            "Policy supports researchers who start companies. Under the relevant rules, researchers of "
                            "universities and institutes may, with their employer's consent, work part-time on innovation or "
                            "found a company while in post, or take leave to found one, usually for up to three years while "
                            "keeping their employment. The institution should set clear approval procedures, part-time "
                            "arrangements and conflict-of-interest rules, so that its resources are not used for a private company.",
                        ),
                        ("heading", "A checklist before founding"),
                        (
                            "text",
                            "Before a spin-off is founded, confirm that: ownership of the result is clear and its equity "
                            "contribution or licence has been approved under the rules; the founders' roles and time commitments "
                            "are settled; the milestones and funding needs of the next 12 to 18 months have been estimated; and "
                            "related-party dealings, use of laboratories and part-time posts between institution and company are "
                            "agreed in writing.",
                        ),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "股权结构与治理",
                    "body": [
                        ("heading", "为后续融资留出空间"),
                        (
                            "text",
                            "衍生企业的股权结构要经得起后续融资的检验。常见问题是单位持股比例过高、创始团队持股过低，"
                            "或者股权平均分配给多名发明人而没有明确的决策者，导致投资人望而却步。"
                            "一般建议全职创始人合计保持控制地位，单位以作价入股取得少数股权，并预留10%至15%的期权池用于吸引人才。",
                        ),
                        (
                            "text",
                            "单位作为股东，应当通过股东协议而非日常干预来保护自身利益：约定知情权、重大事项的一票否决范围、"
                            "反稀释和随售权等条款，同时避免在董事会中占据过多席位，以免影响企业决策效率。"
                            "单位持股通常由其全资的资产管理公司统一持有和管理。",
                        ),
                        ("heading", "持股管理与退出"),
                        (
                            "text",
                            "单位应建立衍生企业持股台账，定期跟踪企业经营、融资和股权变化。退出可以通过股权转让、企业回购、"
                            "并购或上市实现。退出的定价和程序应当依照国有资产管理和单位制度执行并留存记录，"
                            "退出收益按照成果转化收益分配制度处理。",
                        ),
                        (
                            "case",
                            {
                                "title": "被“平均主义”拖累的融资",
                                "text": "某研究所的五名发明人各持衍生企业15%的股份，研究所持25%。企业寻求天使融资时，"
                                "投资人要求明确一名全职首席执行官并由其持有控制性股份，否则不予投资。经过半年的协商，"
                                "三名发明人将部分股份转让给全职的首席执行官，研究所同意设立期权池，融资才得以完成。"
                                "启示：股权结构应当在成立之初按照投入和角色而非“人人有份”来设计。",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Cap Table and Governance",
                    "body": [
                        ("heading", "Leave room for later rounds"),
                        (
                            "text",
                            "A spin-off's cap table must survive later funding rounds. Common problems are an institution holding "
                            "too much, founders holding too little, or shares spread evenly among several inventors with no clear "
                            "decision-maker, which puts investors off. As a rule, the full-time founders together should keep "
                            "control, the institution takes a minority stake for its contributed IP, and 10% to 15% is set aside "
                            "as an option pool to attract talent.",
                        ),
                        (
                            "text",
                            "As a shareholder, the institution should protect its interests through the shareholders' agreement "
                            "rather than day-to-day interference: information rights, a veto over a defined list of major "
                            "matters, anti-dilution and tag-along rights, while not taking so many board seats that decisions "
                            "slow down. The institution's stakes are usually held and managed by its wholly owned asset "
                            "management company.",
                        ),
                        ("heading", "Managing stakes and exits"),
                        (
                            "text",
                            "The institution should keep a register of its spin-off holdings and follow each company's business, "
                            "funding and share changes. Exits come through share sales, buy-backs, acquisitions or listings. Their "
                            "price and procedure follow state asset rules and the institution's own rules, are recorded, and the "
                            "proceeds are shared under the rules for commercialisation income.",
                        ),
                        (
                            "case",
                            {
                                "title": "Funding held back by equal shares",
                                "text": "Five inventors at an institute each held 15% of a spin-off and the institute 25%. When the company "
                                "sought angel funding, investors required a full-time chief executive holding a controlling stake, "
                                "or no investment. After six months of talks, three inventors sold part of their shares to the "
                                "full-time chief executive and the institute agreed to an option pool, and the round closed. "
                                'Lesson: design the cap table at founding by contribution and role, not "a share for everyone".',
                            },
                        ),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "孵化与早期融资",
                    "body": [
                        ("heading", "孵化资源的选择"),
                        (
                            "text",
                            "衍生企业在早期最缺的往往不是场地，而是市场验证、产业资源和合适的资金。选择孵化器或加速器时，"
                            "应看其在相关产业的网络、导师质量、中试和检测平台以及后续融资对接能力，而不只看租金优惠。"
                            "大学科技园和专业化的概念验证中心，可以帮助团队在成立公司前完成关键验证，降低早期失败的成本。",
                        ),
                        (
                            "text",
                            "早期融资的来源包括政府引导基金和科技计划项目、天使投资人、早期风险投资以及产业资本。"
                            "不同资金的期限、期待回报和附加条件差异很大：产业资本可能带来订单和渠道，但也可能要求优先购买权，"
                            "限制企业与其他客户合作。技术经理人应帮助团队读懂投资条款，特别是估值、清算优先权和回购条款。",
                        ),
                        ("heading", "讲清楚一个融资故事"),
                        (
                            "text",
                            "投资人关心的问题可以归纳为：解决了谁的什么问题，为什么是现在，为什么是这个团队，技术壁垒在哪里，"
                            "需要多少钱、用来达成什么里程碑。一份好的融资材料把这些问题用证据回答清楚，"
                            "技术参数服务于客户价值，而不是堆砌在幻灯片上。",
                        ),
                    ],
                },
                "en": {
                    "title": "Incubation and Early Funding",
                    "body": [
                        ("heading", "Choosing incubation"),
                        (
                            "text",
                            "What a young spin-off lacks most is often not space but market validation, industry contacts and the "
                            "right money. When choosing an incubator or accelerator, look at its network in the industry, the "
                            "quality of its mentors, its pilot and testing facilities and its links to later funding, not just "
                            "cheap rent. University science parks and specialised proof-of-concept centres can help a team "
                            "complete key validation before founding a company, lowering the cost of early failure.",
                        ),
                        (
                            "text",
                            "Early funding comes from government guidance funds and research programmes, angel investors, "
                            "early-stage venture capital and corporate investors. Their horizons, expected returns and "
                            "conditions differ widely: a corporate investor may bring orders and channels but may also want a "
                            "right of first refusal that limits work with other customers. The technology manager helps the team "
                            "understand term sheets, especially valuation, liquidation preference and buy-back clauses.",
                        ),
                        ("heading", "Telling a funding story"),
                        (
                            "text",
                            "Investors' questions come down to: whose problem does this solve, why now, why this team, where is "
                            "the technical moat, how much money is needed and which milestones will it reach. Good funding "
                            "material answers these with evidence, with technical figures serving customer value rather than "
                            "piled onto slides.",
                        ),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ A-07
    {
        "code": "A-07",
        "module": "policy",
        "delivery": "online",
        "hours": 4,
        "instructors": ["zhou", "chen"],
        "zh": {
            "title": "技术转移政策研究与咨询",
            "summary": (
                "讲解如何为政府部门、园区和单位开展技术转移政策研究与咨询：问题界定、证据收集、方案比较与政策评估。"
            ),
            "objectives": [
                "能够把决策者提出的模糊需求界定为可研究的政策问题",
                "能够运用数据、案例和访谈收集证据，比较不同政策方案的成本与效果",
                "能够撰写简明的政策建议，并设计政策实施后的评估方法",
            ],
        },
        "en": {
            "title": "Policy Research and Advisory",
            "summary": (
                "Doing technology transfer policy research and advisory work for government departments, parks and "
                "institutions: framing the problem, gathering evidence, comparing options and evaluating policies."
            ),
            "objectives": [
                "Turn a decision-maker's vague request into a researchable policy question",
                "Gather evidence from data, cases and interviews and compare the costs and effects of policy options",
                "Write a concise policy brief and design how a policy will be evaluated once in force",
            ],
        },
        "lessons": [
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "界定政策问题",
                    "body": [
                        ("heading", "从“要一个政策”到“要解决什么问题”"),
                        (
                            "text",
                            "咨询需求常常以方案的形式提出：“我们也想出台一个成果转化奖励政策”“帮我们建一个技术交易平台”。"
                            "政策研究的第一步是追问背后的问题：是本地企业找不到合适的技术，是高校成果不愿在本地转化，"
                            "还是中介机构能力不足？问题不同，合适的政策工具也不同，照搬外地政策往往事倍功半。",
                        ),
                        (
                            "text",
                            "界定问题可以使用“问题树”：把观察到的现象（例如技术合同成交额低）逐层分解为可能的原因，"
                            "再为每个原因寻找可以核验的证据。与决策者一起确认问题树，能够避免研究结束时才发现双方关心的不是同一件事。",
                        ),
                        ("heading", "确定研究范围与时限"),
                        (
                            "text",
                            "咨询项目要在开始时写清研究问题、范围、交付物和时间表。决策往往有明确的窗口期，"
                            "一份晚到的完美报告不如一份按时提交、说明了不确定性的报告。对无法在时限内回答的问题，应当明确提出并建议后续研究。",
                        ),
                    ],
                },
                "en": {
                    "title": "Framing the Policy Problem",
                    "body": [
                        ("heading", 'From "we want a policy" to "which problem do we solve"'),
                        (
                            "text",
                            'Requests for advice often arrive as solutions: "we want a commercialisation reward policy too", '
                            '"build us a technology trading platform". The first step of policy research is to ask what problem '
                            "lies behind: do local companies fail to find suitable technology, are universities unwilling to "
                            "commercialise locally, or are intermediaries too weak? Different problems call for different policy "
                            "tools, and copying another region's policy often achieves little.",
                        ),
                        (
                            "text",
                            "A problem tree helps: break an observed symptom (low technology contract turnover, say) down into "
                            "possible causes layer by layer, then look for verifiable evidence of each. Agreeing the tree with "
                            "the decision-makers avoids discovering at the end that the two sides cared about different things.",
                        ),
                        ("heading", "Scope and deadlines"),
                        (
                            "text",
                            "At the start of an advisory project, write down the research questions, scope, deliverables and "
                            "timetable. Decisions usually have a window; a perfect report that arrives late is worth less than a "
                            "timely one that states its uncertainties. Questions that cannot be answered in time should be named, "
                            "with further research proposed.",
                        ),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "证据、方案比较与政策建议",
                    "body": [
                        ("heading", "多来源的证据"),
                        (
                            "text",
                            "政策研究的证据来自统计数据（技术合同登记数据、专利数据、企业研发投入）、案例（本地和外地的成败经验）"
                            "以及访谈和问卷（企业、高校、中介机构的实际感受）。不同来源的证据相互印证，结论才站得住。"
                            "要特别注意数据口径：技术合同成交额包括技术开发、转让、许可、咨询和服务等类型，不能直接等同于成果转化收入。",
                        ),
                        (
                            "text",
                            "方案比较要列出每个选项的目标群体、预期效果、财政成本、实施难度和可能的副作用。"
                            "例如按合同额给予中介机构奖励，可能刺激虚增合同；改为按技术合同实际到账额和企业反馈奖励，"
                            "虽然核查成本更高，但更符合政策目的。",
                        ),
                        ("heading", "写给决策者的建议"),
                        (
                            "text",
                            "政策建议应当简明：第一页写清问题、结论和建议，后面再附证据和方法。每条建议要具体到责任部门、"
                            "所需资源和时间，并提出实施后的评估指标和评估时间点，让政策可以根据证据调整，而不是一经出台就无法改变。",
                        ),
                        (
                            "case",
                            {
                                "title": "一项被修改的奖励政策",
                                "text": "某市对技术合同登记额给予1%的奖励，两年后登记额翻番，但企业反映实际引进的技术并没有明显增加。"
                                "咨询团队比对登记数据和资金流水后发现，部分合同为关联企业之间的服务合同。市里据此将奖励改为"
                                "以实际到账金额为基数、对技术转让和许可类合同提高比例，并引入抽查机制。"
                                "启示：政策评估需要能够发现“指标达成、目的落空”的情况。",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Evidence, Options and Recommendations",
                    "body": [
                        ("heading", "Evidence from several sources"),
                        (
                            "text",
                            "Evidence for policy research comes from statistics (technology contract registrations, patent data, "
                            "company R&D spending), cases (successes and failures here and elsewhere) and interviews and surveys "
                            "(what companies, universities and intermediaries actually experience). Conclusions stand when the "
                            "sources confirm each other. Mind the definitions: registered technology contract turnover includes "
                            "development, assignment, licensing, consulting and service contracts, and cannot be read as "
                            "commercialisation income.",
                        ),
                        (
                            "text",
                            "Comparing options means listing for each its target group, expected effect, fiscal cost, difficulty "
                            "of implementation and possible side effects. Rewarding intermediaries by contract value, for "
                            "instance, may inflate contracts; rewarding by money actually received and by companies' feedback "
                            "costs more to check but serves the policy's aim better.",
                        ),
                        ("heading", "Recommendations for decision-makers"),
                        (
                            "text",
                            "A policy brief should be short: the first page states the problem, conclusions and recommendations, "
                            "with evidence and methods behind. Each recommendation names the responsible department, the "
                            "resources and the time, and proposes indicators and dates for evaluating the policy once in force, "
                            "so that it can be adjusted by evidence rather than fixed once issued.",
                        ),
                        (
                            "case",
                            {
                                "title": "A reward policy revised",
                                "text": "A city paid a 1% reward on registered technology contract value. Two years later registrations had "
                                "doubled, yet companies reported no clear rise in technology actually acquired. Comparing "
                                "registrations with payment records, the advisers found that some contracts were service contracts "
                                "between related companies. The city then based the reward on money actually received, raised the "
                                "rate for assignments and licences, and added spot checks. Lesson: policy evaluation must be able "
                                "to catch targets met while the purpose is missed.",
                            },
                        ),
                    ],
                },
            },
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "政策评估与咨询伦理",
                    "body": [
                        ("heading", "评估政策的效果"),
                        (
                            "text",
                            "政策评估回答两个问题：政策是否按设计实施了，以及是否产生了预期效果。前者看执行记录，"
                            "如申报数量、审核时长、资金拨付；后者需要尽量找到对照，例如比较享受政策和未享受政策的相似企业，"
                            "或比较政策实施前后的趋势变化，排除宏观经济等其他因素的影响。",
                        ),
                        ("heading", "咨询者的独立性"),
                        (
                            "text",
                            "技术经理人承担咨询任务时，可能同时是政策的受益者，例如所在机构可以申请相关奖励。"
                            "此时应主动披露利益关系，必要时回避相关部分的研究。咨询报告应当如实呈现不利证据，"
                            "不因委托方的偏好而删改结论；对数据和访谈对象的信息要按约定保密。"
                            "独立、诚实的咨询才有长期价值，也是技术经理人职业声誉的基础。",
                        ),
                        (
                            "text",
                            "最后，政策咨询的成果不仅是一份报告。与委托方共同举办研讨会、向执行部门解释政策设计意图、"
                            "在实施一段时间后回访，都能让研究真正转化为改进。这与技术转移本身的逻辑是一致的：成果要被使用，才产生价值。",
                        ),
                    ],
                },
                "en": {
                    "title": "Policy Evaluation and the Ethics of Advice",
                    "body": [
                        ("heading", "Evaluating a policy's effect"),
                        (
                            "text",
                            "Policy evaluation answers two questions: was the policy carried out as designed, and did it have the "
                            "intended effect? The first is answered from implementation records such as applications, review "
                            "times and payments; the second needs a comparison where possible, such as similar companies with "
                            "and without the policy's support, or trends before and after it, with other factors such as the "
                            "wider economy ruled out.",
                        ),
                        ("heading", "The adviser's independence"),
                        (
                            "text",
                            "A technology manager giving policy advice may also benefit from the policy, for example when their "
                            "own office can apply for a reward. They should then declare the interest and, if needed, step back "
                            "from that part of the research. An advisory report presents unfavourable evidence honestly and does "
                            "not change its conclusions to suit the client; information from data and interviewees stays "
                            "confidential as agreed. Only independent, honest advice has lasting value, and it is the basis of a "
                            "technology manager's professional reputation.",
                        ),
                        (
                            "text",
                            "Finally, the result of policy advice is more than a report. Holding a workshop with the client, "
                            "explaining the design to the departments that carry it out and returning after some time all turn "
                            "research into improvement. It is the logic of technology transfer itself: a result creates value "
                            "only when it is used.",
                        ),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ A-08
    {
        "code": "A-08",
        "module": "capability",
        "delivery": "offline",
        "hours": 12,
        "instructors": ["chen", "wang", "liu"],
        "zh": {
            "title": "高级实务项目与答辩",
            "summary": (
                "学员主导一个真实的技术转移项目或案例，撰写实务报告，经评审专家组匿名评审后参加答辩。"
                "本课程说明选题、报告要求、评分标准和答辩流程，是高级证书的实务考核。"
            ),
            "objectives": [
                "能够选定一个真实的技术转移项目，界定自己的角色与可交付成果",
                "能够按照评分标准撰写结构完整、证据充分、合规的实务报告",
                "能够在答辩中清晰陈述项目、回应评审专家的质询并反思不足",
            ],
        },
        "en": {
            "title": "Advanced Practical Project and Defence",
            "summary": (
                "Trainees lead a real technology transfer project or case, write a practical report that a panel reviews "
                "blind, and defend it before the panel. The course explains the choice of topic, the report, the rubric "
                "and the defence; it is the practical assessment of the advanced certificate."
            ),
            "objectives": [
                "Choose a real technology transfer project and define your own role and deliverables",
                "Write a complete, well-evidenced and compliant practical report that meets the rubric",
                "Present the project clearly at the defence, answer the panel's questions and reflect on what fell short",
            ],
        },
        "lessons": [
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "选题与项目计划",
                    "body": [
                        ("heading", "什么样的项目可以作为实务考核"),
                        (
                            "text",
                            "实务项目应当是学员在工作中真实参与、并承担主要职责的技术转移项目，例如一项许可或作价投资交易、"
                            "一个转化项目的全过程管理、一个机构制度的设计与实施，或者一项跨境合作的合规方案。"
                            "仅作为旁观者了解的项目、纯文献综述或尚未开始的设想，不符合要求。项目可以仍在进行中，"
                            "但报告截止时应当至少完成一个可以检验的阶段。",
                        ),
                        (
                            "text",
                            "选题时请考虑三点：你能否获得足够的一手材料；涉及的保密信息能否脱敏处理；"
                            "项目是否足以体现高级技术经理人的能力，即在复杂情境下作出判断、协调多方并对结果负责。"
                            "选题需提交简要的项目计划，经导师确认后开始撰写。",
                        ),
                        ("heading", "项目计划的内容"),
                        (
                            "text",
                            "项目计划包括：项目背景与你的角色；拟解决的核心问题；主要工作与时间安排；预期成果和衡量方法；"
                            "需要的支持与可能的风险。计划不必冗长，一到两页即可，但要让评审专家看出项目的边界和你的贡献。",
                        ),
                        (
                            "case",
                            {
                                "title": "一个被调整的选题",
                                "text": "一位学员最初提交的选题是“我国高校技术转移现状与对策研究”。导师指出这是一篇研究论文，"
                                "看不出学员本人的实务工作。学员改为以自己主持的一项光伏材料专利包许可为对象，"
                                "报告聚焦于专利组合梳理、三家意向企业的比选和谈判过程中的关键取舍，最终顺利通过评审和答辩。",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Choosing a Topic and Planning the Project",
                    "body": [
                        ("heading", "Which projects qualify for the practical assessment"),
                        (
                            "text",
                            "The project must be a real technology transfer project in which you took part at work and carried the "
                            "main responsibility: a licence or equity deal, the management of a commercialisation project from "
                            "start to finish, the design and introduction of an office's rules, or a compliance plan for "
                            "cross-border cooperation. Projects you only watched, pure literature reviews or ideas not yet "
                            "started do not qualify. The project may still be running, but by the report deadline at least one "
                            "stage that can be checked must be complete.",
                        ),
                        (
                            "text",
                            "When choosing, consider three things: can you get enough first-hand material; can confidential "
                            "information be anonymised; and does the project show the abilities of an advanced technology "
                            "manager, that is, judgement in complex situations, coordinating several parties and answering for "
                            "the outcome. Submit a short project plan and start writing once your supervisor confirms it.",
                        ),
                        ("heading", "What the plan contains"),
                        (
                            "text",
                            "The project plan covers the background and your role, the core problem, the main work and timetable, "
                            "the expected results and how they will be measured, and the support needed and likely risks. One or "
                            "two pages are enough, as long as reviewers can see the project's boundaries and your contribution.",
                        ),
                        (
                            "case",
                            {
                                "title": "A topic adjusted",
                                "text": 'A trainee first proposed "the state of university technology transfer in China and what to do '
                                'about it". The supervisor pointed out that this was a research paper showing none of the '
                                "trainee's own practice. The trainee switched to a photovoltaic materials patent package licence "
                                "they had led, focusing the report on sorting the portfolio, choosing among three interested "
                                "companies and the key trade-offs in negotiation, and passed both the review and the defence.",
                            },
                        ),
                    ],
                },
            },
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "实务报告的写作与评分标准",
                    "body": [
                        ("heading", "报告的结构"),
                        (
                            "text",
                            "实务报告一般为8000至15000字，以PDF或Word格式提交，包括：摘要；项目背景与个人角色；问题分析；"
                            "方案设计与决策依据；实施过程与关键事件；结果与证据；反思与改进。附件可以包括脱敏后的合同要点、"
                            "评估报告摘要和会议纪要。提交时须签署原创性声明，确认报告为本人撰写、引用已注明出处、保密信息已脱敏。",
                        ),
                        (
                            "text",
                            "报告在截止日期前可以多次提交新版本，每一版本提交后即被固定保存，以最后一版参加评审。"
                            "逾期提交按课程规定处理；确有正当理由的，可在截止前向培训基地申请延期。",
                        ),
                        ("heading", "评分标准与匿名评审"),
                        (
                            "text",
                            "报告由评审专家组按评分标准逐项打分，满分100分：问题界定与分析（20分）、方案设计与依据（25分）、"
                            "实施与证据（25分）、合规与风险管理（15分）、反思与表达（15分）。每份报告由至少两名专家匿名评审，"
                            "专家看不到学员的姓名和工作单位，与学员存在利益冲突的专家不参与评审。"
                            "两名专家的评分差距超过规定幅度时，由第三名专家评审或评审组长组织复核。",
                        ),
                        (
                            "text",
                            "请注意，匿名评审要求报告正文和文件属性中都不出现你的姓名和单位。"
                            "可以用“我所在的研究院”“A公司”等方式指代，评审结束后的答辩环节再公开身份。",
                        ),
                    ],
                },
                "en": {
                    "title": "Writing the Practical Report and the Rubric",
                    "body": [
                        ("heading", "The structure of the report"),
                        (
                            "text",
                            "The practical report usually runs to 8,000–15,000 Chinese characters (about 5,000–9,000 English "
                            "words), submitted as PDF or Word. It contains an abstract; the background and your role; analysis of "
                            "the problem; the solution and the grounds for decisions; implementation and key events; results and "
                            "evidence; reflection and improvement. Attachments may include anonymised contract terms, valuation "
                            "summaries and minutes. On submitting you sign an originality declaration: the report is your own, "
                            "sources are cited and confidential information is anonymised.",
                        ),
                        (
                            "text",
                            "You may submit new versions until the deadline; each version is kept unchanged once submitted, and "
                            "the last one is reviewed. Late submissions are handled under the course's rules; with good reason "
                            "you may ask the training base for an extension before the deadline.",
                        ),
                        ("heading", "The rubric and blind review"),
                        (
                            "text",
                            "A review panel scores the report criterion by criterion, out of 100: framing and analysis of the "
                            "problem (20), design of the solution and its grounds (25), implementation and evidence (25), "
                            "compliance and risk management (15), reflection and presentation (15). At least two experts review "
                            "each report blind: they do not see your name or employer, and experts with a conflict of interest "
                            "do not review it. When two experts' scores differ by more than the set margin, a third expert "
                            "reviews it or the panel chair reconciles the scores.",
                        ),
                        (
                            "text",
                            "Blind review means your name and employer must appear neither in the text nor in the file's "
                            'properties. Write "the institute where I work" or "Company A"; your identity is disclosed at the '
                            "defence, after the review.",
                        ),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "答辩：准备、流程与结果",
                    "body": [
                        ("heading", "答辩的安排"),
                        (
                            "text",
                            "报告评审完成后，培训基地安排答辩场次，每场包含若干时段，在指定教室或通过线上会议进行，"
                            "由三至五名答辩专家组成答辩小组，其中一人为组长。学员可在个人页面查看自己的时段，"
                            "并可在规定时间之前与尚有空位的时段调换。现场答辩需签到，签到记入线下学时。",
                        ),
                        (
                            "text",
                            "答辩一般为每人30分钟：陈述10至15分钟，专家提问15分钟左右。陈述不必重复报告全文，"
                            "而应突出最关键的两三个决策：当时掌握了哪些信息，考虑过哪些方案，为什么这样选择，结果如何，"
                            "如果重来会有什么不同。准备时请预想专家可能追问的问题，尤其是报告中证据薄弱的部分。",
                        ),
                        ("heading", "评分与结果"),
                        (
                            "text",
                            "答辩小组成员按答辩评分标准逐项打分，包括陈述的清晰度、对质询的回应、专业判断与反思深度。"
                            "答辩结束后，组长综合报告评审和答辩情况记录结果：通过、修改后通过或不通过，并写明理由。"
                            "修改后通过也是通过：学员须在规定期限内按专家意见提交修改稿，交答辩组长存档。",
                        ),
                        (
                            "text",
                            "成绩在培训基地发布前不会向学员显示。实务考核通过，并满足课程和学时要求的学员，"
                            "即可获得高级技术经理人培训证书。对结果有异议的，可在结果发布后按规定申请复核。",
                        ),
                    ],
                },
                "en": {
                    "title": "The Defence: Preparation, Procedure and Outcome",
                    "body": [
                        ("heading", "How the defence is arranged"),
                        (
                            "text",
                            "Once the reports are reviewed, the training base schedules defence sessions, each with several time "
                            "slots, in a given room or an online meeting, before a panel of three to five experts, one of whom "
                            "chairs it. Trainees see their slot on their own page and may swap it for a slot with room left "
                            "until a set time before the session. Those who attend in person check in, and the check-in counts "
                            "towards their offline hours.",
                        ),
                        (
                            "text",
                            "A defence usually takes 30 minutes per trainee: a presentation of 10–15 minutes and about 15 minutes "
                            "of questions. Do not repeat the whole report; bring out the two or three decisions that mattered "
                            "most: what you knew then, which options you weighed, why you chose as you did, what came of it and "
                            "what you would do differently. Prepare for the questions the panel is likely to press, especially "
                            "where the report's evidence is thin.",
                        ),
                        ("heading", "Scores and outcome"),
                        (
                            "text",
                            "Panel members score the defence by its rubric, criterion by criterion: clarity of the presentation, "
                            "answers to questions, professional judgement and depth of reflection. After the defence the chair "
                            "records the outcome from the report review and the defence: pass, pass with revisions or fail, with "
                            "the reasons. A pass with revisions is a pass: the trainee submits a report revised as the panel "
                            "asked, within the set period, for the chair's file.",
                        ),
                        (
                            "text",
                            "Trainees see no score before the training base releases it. Those who pass the practical assessment "
                            "and meet the course and hours requirements receive the advanced technology manager certificate. "
                            "A trainee who disputes the result may ask for a review under the rules after it is released.",
                        ),
                    ],
                },
            },
        ],
    },
]
