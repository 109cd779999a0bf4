"""Intermediate-level (中级) demo curriculum: real lesson text in Chinese and English."""

COURSES = [
    # ------------------------------------------------------------------ I-01
    {
        "code": "I-01",
        "module": "policy",
        "delivery": "online",
        "hours": 6,
        "instructors": ["chen", "liu"],
        "zh": {
            "title": "职务科技成果赋权与收益分配",
            "summary": (
                "系统讲解职务科技成果的权属规则、赋权改革试点和转化收益分配制度，"
                "帮助技术经理人设计合规、可执行的赋权与奖励方案。"
            ),
            "objectives": [
                "理解职务科技成果的权属规则以及处置权下放、赋权改革的政策逻辑",
                "掌握转化收益分配的法定标准，能够协助单位设计内部分配制度",
                "能够识别定价、关联交易、国有资产与税务方面的风险，建立尽职免责所需的过程档案",
            ],
        },
        "en": {
            "title": "Ownership and Revenue Sharing for Employee Inventions",
            "summary": (
                "The ownership rules for employee inventions, the pilot reform that vests ownership in researchers, "
                "and the law on sharing commercialisation income, so that you can design compliant and workable "
                "ownership and reward schemes."
            ),
            "objectives": [
                "Understand who owns employee inventions and the policy logic behind devolved disposal rights "
                "and the ownership-vesting reform",
                "Know the statutory default shares of commercialisation income and help your institution draft "
                "its own distribution rules",
                "Recognise risks in pricing, related-party deals, state assets and tax, and keep the records that "
                "the due-diligence exemption requires",
            ],
        },
        "lessons": [
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "职务科技成果的权属与处置权",
                    "body": [
                        ("heading", "什么是职务科技成果"),
                        ("text", "根据《促进科技成果转化法》，职务科技成果是指执行研究开发机构、高等院校和企业等单位的工作任务，"
                                 "或者主要是利用上述单位的物质技术条件所完成的科技成果。《专利法》对职务发明创造作了类似规定："
                                 "申请专利的权利属于单位，申请被批准后，单位为专利权人。判断时要同时考察工作任务和物质技术条件两个因素。"),
                        ("text", "实践中的权属争议多集中在几类情形：科研人员退休、调离或劳动关系终止后一年内作出的、与原本职工作有关的发明；"
                                 "利用单位物质技术条件完成、双方对权属另有约定的发明；以及横向合作中合同约定不清的成果。"
                                 "技术经理人受理成果披露时，应先核对项目来源、合同约定和参与人员，把权属问题解决在申请专利之前。"),
                        ("heading", "处置权下放与赋权改革"),
                        ("text", "2015年修订的《促进科技成果转化法》明确，国家设立的研究开发机构、高等院校对其持有的科技成果，"
                                 "可以自主决定转让、许可或者作价投资，转化所获得的收入全部留归本单位。配套政策进一步规定，"
                                 "除涉及国家秘密、国家安全外，相关处置不需审批或者备案，从制度上破解了“不敢转、不愿转”的难题。"),
                        ("text", "在此基础上，科技部等部门于2020年印发《赋予科研人员职务科技成果所有权或长期使用权试点实施方案》，"
                                 "允许试点单位将职务科技成果所有权部分赋予成果完成人，形成单位与个人共同所有，"
                                 "或者赋予科研人员不低于10年的长期使用权。改革思路常被概括为从“先转化、后奖励”转向“先确权、后转化”。"),
                        ("text", "赋权并不意味着单位退出。赋权后，单位与完成人作为共有人，仍需共同决定对外许可、转让和维持费用分担等事项。"
                                 "因此，赋权前要核查成果是否涉及国家秘密、国家安全或财政资助合同的特别约定，"
                                 "赋权时要签订书面协议，明确共有份额、决策规则、费用承担和收益分配。"),
                        ("case", {
                            "title": "赋权之后如何共同决策",
                            "text": "江川理工大学是赋权试点单位。材料学院一支团队研发的耐腐蚀涂层技术引起了企业兴趣，"
                                    "学校经技术转移中心论证并公示后，将相关专利70%的所有权赋予团队，学校保留30%，"
                                    "随后双方共同以专利作价入股新公司。复盘发现，赋权协议事先写明了专利维持费承担、"
                                    "对外许可的表决规则和收益分配方式，因而避免了共有专利常见的决策僵局。"
                                    "启示：赋权不是一次性“送权”，而是要把共有关系的治理规则事先约定清楚。",
                        }),
                    ],
                },
                "en": {
                    "title": "Ownership and Disposal of Employee Inventions",
                    "body": [
                        ("heading", "What counts as an employee invention"),
                        ("text", "Under the Law on Promoting the Transformation of Scientific and Technological Achievements, "
                                 "an employee (service) achievement is one made in performing the tasks of a research institute, "
                                 "university, company or other employer, or made mainly with the employer's material and technical "
                                 "resources. The Patent Law says much the same of service inventions: the right to apply belongs to "
                                 "the employer, which becomes the patentee once the patent is granted. Both tests, the task and the "
                                 "resources, have to be considered."),
                        ("text", "Ownership disputes in practice tend to arise in a few situations: inventions made within one year "
                                 "of a researcher retiring, transferring or leaving, that relate to their former duties; inventions "
                                 "made with the employer's resources where the parties agreed otherwise on ownership; and results of "
                                 "industry collaborations whose contracts are vague. When an invention is disclosed, the technology "
                                 "manager should check its funding source, the contracts and the people involved, and settle "
                                 "ownership before any patent is filed."),
                        ("heading", "Devolved disposal rights and the ownership-vesting reform"),
                        ("text", "The 2015 amendment of the Law on Promoting the Transformation of Scientific and Technological "
                                 "Achievements lets state-established research institutes and universities decide on their own to "
                                 "assign, license or contribute their results as equity, and lets them keep all the resulting income. "
                                 "Implementing policies added that, except where state secrets or national security are involved, no "
                                 "approval or filing is needed, removing the old reasons why institutions dared not or would not "
                                 "transfer technology."),
                        ("text", "Building on this, the Ministry of Science and Technology and other departments issued a pilot "
                                 "scheme in 2020 on granting researchers ownership or long-term use rights in employee inventions. "
                                 "Pilot institutions may vest part of the ownership in the inventors, so that institution and "
                                 "inventors become co-owners, or grant researchers a use right of at least ten years. The reform is "
                                 "often summed up as moving from \"commercialise first, reward later\" to \"settle rights first, "
                                 "then commercialise\"."),
                        ("text", "Vesting does not mean the institution steps away. As co-owners, the institution and the inventors "
                                 "still have to decide together on licensing, assignment and who pays maintenance fees. Before "
                                 "vesting, check whether the result involves state secrets, national security or special terms in a "
                                 "funding contract; when vesting, sign a written agreement setting out the shares, decision rules, "
                                 "costs and income distribution."),
                        ("case", {
                            "title": "Deciding together after vesting",
                            "text": "Jiangchuan University of Technology is a pilot institution. A materials team's corrosion-resistant "
                                    "coating attracted industry interest. After review by the technology transfer centre and public "
                                    "notice, the university vested 70% of the patents in the team and kept 30%, and the two then "
                                    "contributed the patents as equity in a new company. Looking back, the vesting agreement had "
                                    "already fixed who pays maintenance fees, how licensing decisions are voted and how income is "
                                    "shared, which avoided the deadlock that often paralyses co-owned patents. Lesson: vesting is not "
                                    "a one-off gift of rights; the rules governing the co-ownership must be agreed in advance.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "收益分配的法定标准与制度设计",
                    "body": [
                        ("heading", "约定优先，法定兜底"),
                        ("text", "《促进科技成果转化法》确立了“约定优先、法定兜底”的原则：科技成果完成单位可以规定或者与科技人员约定"
                                 "奖励和报酬的方式、数额和时限；单位制定相关规定时，应当充分听取本单位科技人员的意见，并在本单位公开。"
                                 "只有在没有规定或约定时，才适用法律规定的标准。"),
                        ("text", "法定标准分三种情形：将职务科技成果转让、许可给他人实施的，从转让净收入或许可净收入中提取不低于50%的比例；"
                                 "利用职务科技成果作价投资的，从形成的股份或出资比例中提取不低于50%的比例；"
                                 "自行实施或与他人合作实施的，在实施转化成功投产后连续三至五年，每年从营业利润中提取不低于5%的比例。"),
                        ("text", "国有企业、事业单位依照规定对完成、转化职务科技成果作出重要贡献的人员给予奖励和报酬的支出，"
                                 "计入当年本单位工资总额，但不受当年工资总额限制、不纳入本单位工资总额基数。"
                                 "这一规定消除了单位发放转化奖励时对工资总额管控的顾虑。"),
                        ("heading", "设计可执行的分配规则"),
                        ("text", "“净收入”如何计算是分配制度的关键。多数单位以转让或许可收入扣除专利申请和维持费用、评估与交易费用、"
                                 "相关税费等直接成本后的余额作为净收入，并在制度中列明可扣除项目。许多高校在法定标准之上，"
                                 "将完成人团队的比例提高到70%甚至更高，其余部分由单位、院系和技术转移机构分享，用于支持后续转化工作。"),
                        ("text", "税收方面，依法批准设立的非营利性研究开发机构和高等学校从职务科技成果转化收入中给予科技人员的现金奖励，"
                                 "符合条件的可减按50%计入科技人员当月“工资、薪金所得”缴纳个人所得税；以股权形式给予的奖励，"
                                 "符合条件的可在取得时暂不纳税。技术经理人应提醒财务部门按规定办理相关手续。"),
                        ("case", {
                            "title": "贡献认定要在披露时固定",
                            "text": "东山生物研究所将一项酶制剂专利许可给一家饲料企业，入门费加三年提成累计约200万元。"
                                    "研究所制度规定团队获得净收入的70%，但在分配时，一名已离职的博士后提出自己是主要完成人之一，"
                                    "而团队负责人提交的分配名单中没有他。由于成果披露表中记录了各完成人的贡献说明和比例，"
                                    "技术转移中心据此协调，最终按披露时的约定发放。启示：贡献认定应在成果披露时书面固定，"
                                    "而不是等到收益到账后再讨论。",
                        }),
                    ],
                },
                "en": {
                    "title": "Statutory Income Shares and Institutional Rules",
                    "body": [
                        ("heading", "Agreement first, statute as the fallback"),
                        ("text", "The Law on Promoting the Transformation of Scientific and Technological Achievements puts agreement "
                                 "first and uses the statute as a fallback. The institution may set rules, or agree with its "
                                 "researchers, on the form, amount and timing of rewards and remuneration. In drafting such rules it "
                                 "must consult its researchers fully and publish the rules internally. The statutory standards apply "
                                 "only where there are no rules or agreement."),
                        ("text", "The statutory standards cover three situations. Where an employee invention is assigned or "
                                 "licensed, at least 50% of the net assignment or licensing income goes to the inventors and "
                                 "contributors. Where it is contributed as equity, at least 50% of the resulting shares go to them. "
                                 "Where the institution exploits it itself or with a partner, at least 5% of the operating profit is "
                                 "paid to them each year for three to five consecutive years after successful production."),
                        ("text", "Rewards and remuneration paid by state-owned enterprises and public institutions to people who made "
                                 "important contributions to creating and commercialising employee inventions count towards that "
                                 "year's total payroll, but are not capped by the payroll limit and do not enter the payroll base. "
                                 "This removes a common worry about paying commercialisation rewards under payroll controls."),
                        ("heading", "Writing rules that work"),
                        ("text", "How net income is calculated is the crux of any distribution rule. Most institutions deduct direct "
                                 "costs such as patent filing and maintenance fees, valuation and transaction costs, and related "
                                 "taxes from the gross income, and list the deductible items in their rules. Many universities go "
                                 "beyond the statutory minimum and give the inventor team 70% or more, with the rest shared by the "
                                 "institution, the department and the technology transfer office to fund further work."),
                        ("text", "On tax, cash rewards paid to researchers from commercialisation income by duly established "
                                 "non-profit research institutes and universities may, where the conditions are met, be counted at "
                                 "50% in the researcher's wage and salary income for that month. Rewards granted as equity may, under "
                                 "conditions, be untaxed on receipt. Remind the finance office to complete the required formalities."),
                        ("case", {
                            "title": "Record contributions at disclosure",
                            "text": "Dongshan Institute of Bioscience licensed an enzyme patent to a feed company; the upfront fee and "
                                    "three years of royalties came to about 2 million yuan. Its rules gave the team 70% of net income, "
                                    "but at payout a former postdoc claimed to be a main inventor, and he was missing from the list "
                                    "the team leader submitted. Because the disclosure form recorded each inventor's contribution and "
                                    "share, the technology transfer centre could mediate and pay according to what was agreed at "
                                    "disclosure. Lesson: fix contributions in writing when the invention is disclosed, not when the "
                                    "money arrives.",
                        }),
                    ],
                },
            },
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "定价程序、风险防控与尽职免责",
                    "body": [
                        ("heading", "定价、公示与关联交易"),
                        ("text", "国家设立的研究开发机构、高等院校转化科技成果，应当通过协议定价、在技术交易市场挂牌交易、拍卖等方式确定价格。"
                                 "采用协议定价的，应当在本单位公示科技成果名称和拟交易价格，公示期内接受异议。"
                                 "是否进行资产评估，应依据现行国家规定和本单位制度判断，向非国有全资企业转化的，一般由单位自主决定。"),
                        ("text", "当成果完成人或其近亲属在受让企业中任职或持股时，交易就具有关联性。单位应要求相关人员如实申报利益关系，"
                                 "通过回避表决、公开挂牌或第三方评估等措施保证价格公允，并将决策过程书面记录在案。"
                                 "关联交易本身并不违规，隐瞒利益关系才是风险所在。"),
                        ("heading", "勤勉尽责与免责"),
                        ("text", "国务院实施促进科技成果转化法的若干规定提出，单位负责人在履行勤勉尽职义务、没有牟取非法利益的前提下，"
                                 "免除其在科技成果定价中因科技成果转化后续价值变化产生的决策责任。各地、各单位据此陆续出台了尽职免责办法，"
                                 "为敢于转化的管理者提供制度保障。"),
                        ("text", "尽职免责的前提是程序到位。技术经理人应协助单位建立完整的转化档案：成果披露与权属确认、"
                                 "市场调研与定价依据、公示材料、决策会议纪要、合同文本和收益分配记录。一旦后续价值大幅变化或遇到审计问询，"
                                 "这些材料就是证明已履行勤勉义务的核心证据。"),
                        ("case", {
                            "title": "完整档案化解审计问询",
                            "text": "北方某农业大学三年前以一项育种技术作价300万元入股一家种业公司。后来该公司引入战略投资，"
                                    "学校所持股权的账面价值增长近十倍，审计部门随即询问当年定价是否偏低。"
                                    "技术转移中心调出当年的市场调研报告、评估报告、公示记录和校务会纪要，证明定价程序合规、依据充分，"
                                    "问题得以澄清。启示：尽职免责保护的是按规则办事的人，完整的过程档案比任何事后解释都更有力。",
                        }),
                    ],
                },
                "en": {
                    "title": "Pricing Procedures, Risk Control and the Due-Diligence Exemption",
                    "body": [
                        ("heading", "Pricing, public notice and related parties"),
                        ("text", "State-established research institutes and universities must set the price of a transfer by "
                                 "negotiated agreement, listing on a technology exchange, auction or similar means. If the price is "
                                 "negotiated, the name of the result and the proposed price must be publicly posted within the "
                                 "institution, and objections may be raised during the notice period. Whether a formal asset "
                                 "valuation is needed depends on current national rules and the institution's own policy; for "
                                 "transfers to companies that are not wholly state-owned, it is generally the institution's call."),
                        ("text", "When an inventor or a close relative holds a post or shares in the receiving company, the deal is a "
                                 "related-party transaction. The institution should require those involved to declare their "
                                 "interests, and use recusal, public listing or independent valuation to keep the price fair, with "
                                 "the decision process recorded in writing. Related-party deals are not wrong in themselves; hiding "
                                 "the interest is the real risk."),
                        ("heading", "Diligence and exemption from liability"),
                        ("text", "The State Council's provisions implementing the transformation law state that, provided they have "
                                 "acted diligently and sought no improper gain, heads of institutions are exempt from liability for "
                                 "pricing decisions when the value of a result later changes. Regions and institutions have since "
                                 "issued their own exemption rules, giving managers who commercialise technology institutional "
                                 "protection."),
                        ("text", "The exemption depends on proper procedure. The technology manager should help the institution keep "
                                 "a complete file for every deal: the disclosure and ownership confirmation, market research and "
                                 "pricing basis, notice materials, minutes of decision meetings, the contract and the income "
                                 "distribution records. If the value later changes sharply or auditors ask questions, this file is "
                                 "the core evidence that the duty of diligence was met."),
                        ("case", {
                            "title": "A complete file answers the auditors",
                            "text": "Three years ago an agricultural university in northern China contributed a breeding technology, "
                                    "valued at 3 million yuan, as equity in a seed company. After the company brought in a strategic "
                                    "investor, the book value of the university's stake rose almost tenfold, and the audit office "
                                    "asked whether the original price had been too low. The technology transfer centre produced the "
                                    "market study, valuation report, notice records and meeting minutes from the time, showing that "
                                    "the procedure was compliant and well founded. Lesson: the exemption protects those who follow "
                                    "the rules, and a complete record is more persuasive than any later explanation.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ I-02
    {
        "code": "I-02",
        "module": "policy",
        "delivery": "online",
        "hours": 6,
        "instructors": ["zhou", "liu"],
        "zh": {
            "title": "国际技术转移与合规",
            "summary": (
                "梳理我国技术进出口管理、出口管制和对外专利申请保密审查等制度，"
                "分析跨境许可中的合同、税务与数据合规要点，帮助技术经理人把合规嵌入国际合作全过程。"
            ),
            "objectives": [
                "理解技术进出口的禁止、限制、自由三类管理方式及限制类技术的许可流程",
                "掌握《出口管制法》的基本制度，能够在科研合作与成果转化中识别管制风险",
                "能够识别跨境许可在知识产权地域性、法律适用、税务和数据出境方面的风险并提出应对方案",
            ],
        },
        "en": {
            "title": "International Transfer and Compliance",
            "summary": (
                "China's rules on technology import and export, export control and the secrecy review of foreign "
                "patent filings, and the contract, tax and data issues in cross-border licensing, so that compliance "
                "is built into international cooperation from the start."
            ),
            "objectives": [
                "Understand the prohibited, restricted and free categories of technology trade and the licensing "
                "procedure for restricted technologies",
                "Know the main mechanisms of the Export Control Law and spot control risks in research cooperation "
                "and commercialisation",
                "Identify the risks of cross-border licences in IP territoriality, governing law, tax and outbound data, "
                "and propose remedies",
            ],
        },
        "lessons": [
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "技术进出口管理制度",
                    "body": [
                        ("heading", "禁止、限制与自由"),
                        ("text", "我国技术进出口的基本规则由《对外贸易法》和《技术进出口管理条例》确立。条例所称技术进出口，"
                                 "是指从境外向境内或者从境内向境外，通过贸易、投资或者经济技术合作的方式转移技术的行为，"
                                 "包括专利权转让、专利申请权转让、专利实施许可、技术秘密转让、技术服务和其他方式的技术转移。"),
                        ("text", "技术按管理方式分为禁止、限制和自由进出口三类。禁止出口的技术不得出口；限制出口的技术实行许可证管理，"
                                 "未经许可不得出口；自由出口的技术实行合同登记管理，登记不是合同生效的条件。"
                                 "具体类别以商务部会同科技部发布的《中国禁止出口限制出口技术目录》为准，目录会根据形势调整，须使用最新版本。"),
                        ("text", "限制出口技术的办理通常分两步：先向省级商务主管部门提出申请，经审查同意取得技术出口许可意向书，"
                                 "之后方可对外进行实质性谈判、签订合同；合同签订后再申请技术出口许可证，合同自许可证颁发之日起生效。"
                                 "因此，技术经理人应在项目早期就对照目录核查，而不是等谈判结束后才发现需要许可。"),
                        ("heading", "向外国申请专利的保密审查"),
                        ("text", "《专利法》规定，任何单位或者个人将在中国完成的发明或者实用新型向外国申请专利的，"
                                 "应当事先报经国务院专利行政部门进行保密审查；违反规定向外国申请专利的，该发明或者实用新型在中国申请专利的，"
                                 "不授予专利权。通过国家知识产权局提交PCT国际申请的，视为同时提出了保密审查请求。"),
                        ("case", {
                            "title": "签约前才查目录的代价",
                            "text": "海川大学化工团队计划将一项催化剂制备工艺许可给东南亚一家企业。合同谈判已近尾声时，"
                                    "法务人员对照目录发现，该工艺所属的技术类别列在限制出口范围内，只能暂停签约，"
                                    "先申请技术出口许可意向书。项目因此推迟数月，合作方一度考虑放弃。"
                                    "启示：出口属性核查应放在立项和首次接洽阶段，而不是签约前的“最后一道工序”。",
                        }),
                    ],
                },
                "en": {
                    "title": "The Regime for Technology Imports and Exports",
                    "body": [
                        ("heading", "Prohibited, restricted and free"),
                        ("text", "The basic rules for technology trade are set by the Foreign Trade Law and the Regulations on the "
                                 "Administration of Technology Import and Export. The Regulations define technology import and export "
                                 "as transferring technology into or out of China through trade, investment or economic and "
                                 "technical cooperation, including the assignment of patents and patent applications, patent "
                                 "licences, transfers of know-how, technical services and other forms of transfer."),
                        ("text", "Technologies fall into three categories. Prohibited technologies may not be exported. Restricted "
                                 "technologies need an export licence. Freely exportable technologies only require contract "
                                 "registration, and registration is not a condition of the contract's validity. Which category "
                                 "applies is set by the Catalogue of Technologies Prohibited or Restricted from Export, issued by the "
                                 "Ministry of Commerce with the Ministry of Science and Technology; it is revised from time to time, "
                                 "so always use the current version."),
                        ("text", "Exporting a restricted technology normally takes two steps. First, apply to the provincial commerce "
                                 "authority; once approved, you receive a letter of intent for the export licence, and only then may "
                                 "you negotiate substantively and sign. After signing, apply for the export licence itself; the "
                                 "contract takes effect on the day the licence is issued. Check the catalogue early in a project, not "
                                 "after the negotiations are over."),
                        ("heading", "Secrecy review before filing abroad"),
                        ("text", "The Patent Law requires anyone who wishes to file a foreign patent application for an invention or "
                                 "utility model completed in China to request a secrecy review from the patent office first. If this "
                                 "is ignored, no Chinese patent will be granted for that invention. A PCT application filed with the "
                                 "China National Intellectual Property Administration is treated as also requesting the review."),
                        ("case", {
                            "title": "The cost of checking the catalogue at the last minute",
                            "text": "A chemical engineering team at Haichuan University planned to license a catalyst preparation "
                                    "process to a company in Southeast Asia. As negotiations neared the end, the legal officer "
                                    "checked the catalogue and found that the process fell in a restricted category. Signing was put "
                                    "on hold while the university applied for a letter of intent, the project slipped by several "
                                    "months, and the partner nearly walked away. Lesson: check export status when the project starts "
                                    "and at first contact, not as the last step before signing.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "出口管制合规",
                    "body": [
                        ("heading", "《出口管制法》的基本框架"),
                        ("text", "《出口管制法》自2020年12月1日起施行，适用于两用物项、军品、核以及其他与维护国家安全和利益、"
                                 "履行防扩散等国际义务相关的货物、技术、服务等物项。法律所称出口管制，既包括从境内向境外转移管制物项，"
                                 "也包括我国公民、法人和非法人组织向外国组织和个人提供管制物项。在境内向外籍人员传授管制技术，同样可能受到管制。"),
                        ("text", "法律建立了管制清单与临时管制相结合的制度：列入管制清单的物项出口须申请许可。对于清单以外的物项，"
                                 "出口经营者知道或者应当知道，或者得到主管部门通知，相关物项可能危害国家安全和利益、"
                                 "可能被用于设计、开发、生产或者使用大规模杀伤性武器及其运载工具，或者被用于恐怖主义目的的，也应当申请许可。"),
                        ("text", "法律还确立了最终用户和最终用途管理：申请许可时应提交最终用户和最终用途证明文件，"
                                 "最终用户不得擅自改变用途或者向第三方转让；违反规定的进口商和最终用户可能被列入管控名单。"
                                 "国家鼓励出口经营者建立出口管制内部合规制度，这对经常开展国际合作的高校和科研院所同样适用。"),
                        ("heading", "把合规嵌入日常工作"),
                        ("text", "在高校和科研院所，管制风险常隐藏在日常活动中：国际合作研究、接收外籍访问学者、向境外寄送样品、"
                                 "参加国际会议、通过云端共享技术资料等。建议建立“物项识别、用户筛查、许可判断、记录留存”的工作流程，"
                                 "并与科研、外事、资产等部门共享信息；同时关注合作方所在国的出口管制和制裁规则，避免合作因对方合规问题中断。"),
                        ("case", {
                            "title": "技术出口不一定跨越国境",
                            "text": "某研究院激光实验室接待了一位外籍访问学者，团队准备向其开放一套高功率激光器的完整工艺参数。"
                                    "技术转移办公室在例行审查中发现，部分参数可能涉及两用物项管制清单中的技术，随即暂停资料共享。"
                                    "经物项识别并咨询主管部门后，实验室只向其开放不涉及管制内容的部分，合作得以继续。"
                                    "启示：人员交流和资料共享同样可能构成管制意义上的出口，需要纳入合规审查。",
                        }),
                    ],
                },
                "en": {
                    "title": "Export Control Compliance",
                    "body": [
                        ("heading", "The framework of the Export Control Law"),
                        ("text", "The Export Control Law, in force since 1 December 2020, covers dual-use items, military products, "
                                 "nuclear items and other goods, technologies and services connected with national security and "
                                 "interests or with international obligations such as non-proliferation. Export control here means "
                                 "both moving controlled items out of China and Chinese citizens or organisations providing them to "
                                 "foreign organisations or individuals. Teaching a controlled technology to a foreign national inside "
                                 "China can therefore also be caught."),
                        ("text", "The law combines control lists with temporary controls. Exporting a listed item requires a licence. "
                                 "Even for an unlisted item, a licence is needed if the exporter knows or should know, or is told by "
                                 "the authorities, that it may endanger national security and interests, may be used to design, "
                                 "develop, produce or use weapons of mass destruction or their means of delivery, or may be used for "
                                 "terrorist purposes."),
                        ("text", "The law also regulates end users and end uses. A licence application must include end-user and "
                                 "end-use certificates, and end users may not change the use or pass the item to third parties "
                                 "without permission; importers and end users who breach these rules may be placed on a control "
                                 "list. The state encourages exporters to set up internal compliance programmes, which is equally "
                                 "sensible for universities and institutes with extensive international cooperation."),
                        ("heading", "Building compliance into daily work"),
                        ("text", "In universities and institutes, control risks hide in ordinary activities: international joint "
                                 "research, hosting foreign visiting scholars, sending samples abroad, attending conferences, sharing "
                                 "technical files in the cloud. Set up a routine of item classification, end-user screening, licence "
                                 "determination and record keeping, shared with the research, international affairs and asset "
                                 "offices. Watch the export control and sanctions rules of your partner's country too, so that a "
                                 "collaboration is not cut short by the other side's compliance problems."),
                        ("case", {
                            "title": "An export need not cross a border",
                            "text": "A laser laboratory at a research institute was hosting a foreign visiting scholar, and the team "
                                    "was about to give him the full process parameters of a high-power laser. In a routine check, the "
                                    "technology transfer office found that some parameters might involve technology on the dual-use "
                                    "control list and halted the sharing. After classifying the items and consulting the authorities, "
                                    "the laboratory shared only the uncontrolled parts, and the cooperation continued. Lesson: visits "
                                    "and file sharing can amount to an export in the control sense and belong in the compliance review.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "跨境许可的合同、税务与数据风险",
                    "body": [
                        ("heading", "跨境许可协议的关键条款"),
                        ("text", "跨境许可首先要解决法律适用与争议解决。涉外合同当事人可以选择合同适用的法律，"
                                 "但出口管制、技术进出口管理等我国强制性规定不能通过约定排除。争议解决方面，"
                                 "国际仲裁裁决可依据《纽约公约》在众多国家获得承认和执行，通常比在外国法院诉讼更具可执行性。"),
                        ("text", "知识产权具有地域性，许可方要确认在被许可地域内确实拥有有效权利。如果只在中国拥有专利，"
                                 "向境外企业收取“专利许可费”就缺乏权利基础，此时更适合以技术秘密、技术资料交付和技术服务为核心设计交易。"
                                 "税务上还应关注特许权使用费的预提所得税和税收协定待遇，并在合同中明确税款由哪一方承担。"),
                        ("text", "技术进口方面，2019年修订《技术进出口管理条例》时，删除了技术进口合同中关于改进技术归属、"
                                 "限制性条款等若干强制性规定，当事人的约定空间随之扩大。但合同仍须遵守《民法典》关于"
                                 "非法垄断技术的技术合同无效的规定，以及《反垄断法》的相关要求。"),
                        ("heading", "数据与生物资源"),
                        ("text", "越来越多的技术交易伴随数据流动。涉及重要数据或个人信息出境的，需按照《数据安全法》《个人信息保护法》"
                                 "及配套规定，根据情况履行安全评估、订立标准合同或进行认证等程序。生物医药领域还要特别关注人类遗传资源管理规定，"
                                 "利用我国人类遗传资源开展国际合作科学研究的，须依法履行审批或备案程序。"),
                        ("case", {
                            "title": "交付什么，本身就是合规设计",
                            "text": "江南一家医疗器械初创企业拟将其医学影像算法许可给一家欧洲公司，对方要求提供用于训练模型的原始病例影像。"
                                    "企业法务评估后认为，这些影像含有个人信息，数据规模也可能触发出境安全评估要求，"
                                    "于是将交付内容改为训练好的模型和经过脱敏的验证数据集，并在合同中增加本地数据处理的技术支持服务。"
                                    "启示：在跨境许可中，决定“交付什么”本身就是合规设计的一部分。",
                        }),
                    ],
                },
                "en": {
                    "title": "Contract, Tax and Data Risks in Cross-Border Licensing",
                    "body": [
                        ("heading", "Key terms of a cross-border licence"),
                        ("text", "A cross-border licence must first settle governing law and dispute resolution. Parties to a "
                                 "foreign-related contract may choose the applicable law, but mandatory Chinese rules such as export "
                                 "control and the regulation of technology trade cannot be contracted out of. For disputes, an "
                                 "international arbitral award can be recognised and enforced in many countries under the New York "
                                 "Convention, which usually makes arbitration more enforceable than litigation in a foreign court."),
                        ("text", "Intellectual property is territorial, so the licensor must confirm that it holds valid rights in the "
                                 "licensed territory. If it has patents only in China, charging a foreign company \"patent royalties\" "
                                 "has no legal basis; the deal is better built around know-how, delivery of technical documents and "
                                 "technical services. On tax, consider withholding tax on royalties and treaty relief, and state in "
                                 "the contract which party bears the tax."),
                        ("text", "For technology imports, the 2019 revision of the technology import and export regulations removed "
                                 "several mandatory rules on import contracts, including those on ownership of improvements and on "
                                 "restrictive clauses, so the parties now have more freedom. Contracts must still respect the Civil "
                                 "Code, under which technology contracts that illegally monopolise technology are void, and the "
                                 "Anti-Monopoly Law."),
                        ("heading", "Data and biological resources"),
                        ("text", "More and more technology deals involve data flows. Where important data or personal information "
                                 "leaves China, the Data Security Law, the Personal Information Protection Law and their implementing "
                                 "rules may require a security assessment, standard contract or certification, depending on the case. "
                                 "In biomedicine, watch the rules on human genetic resources: international research cooperation "
                                 "using Chinese human genetic resources requires approval or filing."),
                        ("case", {
                            "title": "What you deliver is a compliance decision",
                            "text": "A medical device start-up in Jiangnan planned to license its imaging algorithm to a European "
                                    "company, which asked for the raw patient images used to train the model. The start-up's lawyer "
                                    "concluded that the images contained personal information and that the volume might trigger an "
                                    "outbound security assessment. The deliverables were changed to the trained model and a "
                                    "de-identified validation set, and the contract added technical support for processing data "
                                    "locally. Lesson: in a cross-border licence, deciding what to deliver is itself part of compliance "
                                    "design.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ I-03
    {
        "code": "I-03",
        "module": "practice",
        "delivery": "blended",
        "hours": 8,
        "instructors": ["wang", "sun"],
        "zh": {
            "title": "技术价值评估与定价",
            "summary": (
                "介绍收益法、市场法和成本法在技术评估中的应用，讲解提成率估算、风险调整和交易定价策略，"
                "线下工作坊中学员将完成一个完整的评估练习。"
            ),
            "objectives": [
                "掌握收益法、市场法、成本法的原理、适用条件和局限",
                "能够估算提成率并对早期技术的风险进行调整，正确看待25%规则等经验方法",
                "理解评估值与成交价的区别，能够结合交易结构和定价程序提出定价建议",
            ],
        },
        "en": {
            "title": "Technology Valuation and Pricing",
            "summary": (
                "How the income, market and cost approaches apply to technology, how to estimate royalty rates, "
                "adjust for risk and set a price; in the classroom workshop you will complete a full valuation exercise."
            ),
            "objectives": [
                "Know the principles, conditions of use and limits of the income, market and cost approaches",
                "Estimate royalty rates and adjust for the risks of early-stage technology, treating heuristics such as "
                "the 25% rule with due caution",
                "Distinguish a valuation from a deal price and recommend a price that fits the deal structure and the "
                "required pricing procedure",
            ],
        },
        "lessons": [
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "技术评估的三种方法",
                    "body": [
                        ("heading", "评估什么：技术资产的价值来源"),
                        ("text", "技术的价值不取决于研发投入了多少，而取决于它能为使用者带来多少增量收益。"
                                 "评估对象通常是专利权、专利申请权、技术秘密或它们的组合，还要明确评估的是所有权，"
                                 "还是独占许可或普通许可下的权益。权利范围、地域和期限不同，同一项技术的价值可能相差数倍。"),
                        ("heading", "收益法、市场法与成本法"),
                        ("text", "收益法是技术评估中最常用的方法，其思路是预测技术在剩余经济寿命内带来的超额收益或可分得的许可收入，"
                                 "再以反映风险的折现率折算为现值。常见的具体方式有提成率法（又称许可费节省法）和多期超额收益法。"
                                 "收益法的难点在于预测销售规模、提成率和折现率，任何一个参数的变化都会显著影响结果。"),
                        ("text", "市场法通过比较近期类似技术的交易价格来确定价值，直观且容易被交易双方接受。"
                                 "但技术具有独特性，真正可比的交易很少，交易细节也往往不公开。实务中，市场法更多用于从可比许可交易中"
                                 "提取提成率区间，校准收益法的参数，而不是直接套用别人的成交总价。"),
                        ("text", "成本法以重新开发或重置该技术所需的成本为基础，扣除各种贬值因素。它适合作为尚无明确市场前景的早期技术的参考，"
                                 "或者作为价格底线的依据。但研发成本与市场价值之间没有必然联系：花费千万元的技术可能无人问津，"
                                 "一项低成本的巧妙改进也可能价值很高。"),
                        ("case", {
                            "title": "三种方法得出三个数字",
                            "text": "西岭大学一项锂电池隔膜改性技术拟对外转让。评估师用成本法测算的重置成本约400万元；"
                                    "用提成率法按未来八年的预测销量测算，价值约1200万元；市场上只找到两笔类似交易，"
                                    "成交价分别为600万元和900万元，但权利范围与本项目不同。评估师最终以收益法为主，用可比交易校验提成率，"
                                    "并在报告中解释了各方法结果差异的原因。启示：不同方法的结果应当相互印证和解释，而不是简单取平均值。",
                        }),
                    ],
                },
                "en": {
                    "title": "Three Approaches to Valuing Technology",
                    "body": [
                        ("heading", "What is being valued"),
                        ("text", "A technology is worth what it adds to its user's earnings, not what its development cost. The "
                                 "subject of a valuation is usually a patent, a patent application, know-how or a combination, and "
                                 "you must be clear whether you are valuing full ownership or the rights under an exclusive or "
                                 "non-exclusive licence. Differences in scope, territory and term can change the value of the same "
                                 "technology several times over."),
                        ("heading", "Income, market and cost approaches"),
                        ("text", "The income approach is the most widely used for technology. It forecasts the excess earnings, or the "
                                 "royalty income, that the technology will generate over its remaining economic life and discounts "
                                 "them to present value at a rate that reflects the risk. Common variants are the relief-from-royalty "
                                 "method and the multi-period excess earnings method. The hard part is forecasting sales, the royalty "
                                 "rate and the discount rate; a change in any of them moves the result a lot."),
                        ("text", "The market approach looks at the prices of recent deals for similar technologies. It is intuitive and "
                                 "easy for both sides to accept, but technologies are unique, truly comparable deals are rare and "
                                 "their details are often confidential. In practice it is mostly used to extract royalty ranges from "
                                 "comparable licences and calibrate the income approach, rather than to copy someone else's total "
                                 "price."),
                        ("text", "The cost approach starts from the cost of recreating or replacing the technology, less "
                                 "obsolescence. It is a useful reference for early technologies with no clear market, or as a price "
                                 "floor. But development cost and market value are not linked: a technology that cost ten million "
                                 "yuan may find no buyer, while a cheap, clever improvement can be worth a great deal."),
                        ("case", {
                            "title": "Three approaches, three numbers",
                            "text": "Xiling University planned to sell a technology for modifying lithium battery separators. The "
                                    "cost approach gave a replacement cost of about 4 million yuan; relief from royalty, based on an "
                                    "eight-year sales forecast, gave about 12 million; the only two similar deals found had closed at "
                                    "6 and 9 million, but covered different rights. The appraiser relied mainly on the income "
                                    "approach, used the comparable deals to check the royalty rate, and explained in the report why "
                                    "the results differed. Lesson: results from different approaches should be reconciled and "
                                    "explained, not simply averaged.",
                        }),
                    ],
                },
            },
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "提成率估算与风险调整",
                    "body": [
                        ("heading", "提成率从哪里来"),
                        ("text", "提成率是收益法和许可谈判的核心参数。常见的估计途径包括：参考行业可比许可交易的提成率区间；"
                                 "采用利润分成思路，从被许可方使用该技术所获利润中确定许可方应得的份额；以及分析技术对产品毛利的具体贡献。"
                                 "不同行业的提成率差异很大，医药、软件等高毛利行业通常明显高于机械、材料等行业。"),
                        ("text", "“25%规则”是一种流传很广的经验法则：许可方获得被许可方使用该技术预期税前营业利润的约25%，"
                                 "再换算为销售额提成率。它便于快速估算，但没有分析具体技术的贡献，美国联邦巡回上诉法院在2011年的判决中"
                                 "已明确否定以其作为计算专利损害赔偿的基础。因此，25%规则只能作为谈判起点或合理性检验。"),
                        ("text", "举例来说，若某产品预期营业利润率为20%，按25%规则估算的销售额提成率约为5%。但如果该专利只是产品中"
                                 "众多技术之一，还需按其对产品价值的贡献度进一步分摊，得到的提成率可能只有1%至2%。"
                                 "这种分摊思路对于多专利、多部件的复杂产品尤为重要。"),
                        ("heading", "折现率与风险调整"),
                        ("text", "早期技术的风险主要来自技术能否成熟、能否获得监管批准以及市场能否接受。处理风险有两种常见方式："
                                 "一是提高折现率，早期项目的折现率通常远高于成熟企业的资本成本；二是采用风险调整净现值法（rNPV），"
                                 "对各阶段现金流乘以到达该阶段的成功概率，再按较低的折现率折现。后者在医药领域应用广泛。"),
                        ("case", {
                            "title": "用模型讨论风险分担",
                            "text": "某研究所的一项小分子候选药物处于临床前阶段。买方用30%的折现率直接折现预测的上市后销售收入，"
                                    "报价仅为研究所预期的三分之一。技术转移中心改用rNPV方法，逐阶段列明研发费用、成功概率和时间节点，"
                                    "并据此建议采用“较低入门费加较高里程碑付款”的结构，双方最终接受了这一方案。"
                                    "启示：评估模型不只是用来算出一个数字，更是帮助双方就风险如何分担达成共识的工具。",
                        }),
                    ],
                },
                "en": {
                    "title": "Estimating Royalty Rates and Adjusting for Risk",
                    "body": [
                        ("heading", "Where royalty rates come from"),
                        ("text", "The royalty rate is the key parameter of both the income approach and licence negotiations. Common "
                                 "ways to estimate it are: royalty ranges from comparable licences in the industry; profit split, "
                                 "which sets the licensor's share of the profit the licensee earns from the technology; and analysis "
                                 "of the technology's specific contribution to the product margin. Rates vary widely by industry; "
                                 "high-margin sectors such as pharmaceuticals and software usually pay well above machinery or "
                                 "materials."),
                        ("text", "The \"25% rule\" is a widely quoted heuristic: the licensor receives about 25% of the licensee's "
                                 "expected pre-tax operating profit from the technology, which is then converted into a royalty on "
                                 "sales. It is quick, but it ignores the contribution of the specific technology, and in 2011 the US "
                                 "Court of Appeals for the Federal Circuit rejected it as a basis for calculating patent damages. Use "
                                 "it only as a starting point or a sanity check."),
                        ("text", "For example, if a product's expected operating margin is 20%, the 25% rule suggests a royalty of "
                                 "about 5% of sales. But if the patent is only one of many technologies in the product, the rate must "
                                 "be apportioned by its contribution to the product's value and may come down to 1% or 2%. "
                                 "Apportionment matters most for complex products with many patents and components."),
                        ("heading", "Discount rates and risk adjustment"),
                        ("text", "The main risks of early-stage technology are whether it will mature, gain regulatory approval and "
                                 "be accepted by the market. There are two common ways to handle them. One is a higher discount rate; "
                                 "early projects are usually discounted far above the cost of capital of established companies. The "
                                 "other is risk-adjusted net present value (rNPV): multiply each stage's cash flows by the "
                                 "probability of reaching that stage, then discount at a lower rate. rNPV is widely used in drug "
                                 "development."),
                        ("case", {
                            "title": "Using the model to share risk",
                            "text": "A research institute had a small-molecule drug candidate at the preclinical stage. The buyer "
                                    "discounted forecast post-launch sales at 30% and offered a third of what the institute expected. "
                                    "The technology transfer centre switched to rNPV, setting out the development costs, success "
                                    "probabilities and timing of each stage, and on that basis proposed a lower upfront fee with "
                                    "larger milestone payments. Both sides accepted. Lesson: a valuation model is not just for "
                                    "producing a number; it helps the parties agree on how to share risk.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "从评估值到成交价",
                    "body": [
                        ("heading", "评估报告的作用与局限"),
                        ("text", "资产评估报告是在特定评估目的、特定假设和评估基准日下对价值发表的专业意见，"
                                 "可以用于作价出资、国有资产交易、协议定价公示等场景，但它并不等于成交价格。"
                                 "阅读评估报告时，应重点核对评估对象与权利范围、关键假设、收益预测依据和敏感性分析，而不是只看结论数字。"),
                        ("heading", "定价策略与交易结构"),
                        ("text", "成交价是双方谈判的结果，取决于各自的替代方案、议价能力和交易结构。对于价值不确定性大的技术，"
                                 "一次性总价往往难以成交，可以将价格拆分为入门费、按销售额计算的提成费、里程碑付款和年度最低提成费等组合，"
                                 "让价格随技术的实际表现而调整，缩小双方对未来判断的分歧。"),
                        ("text", "对国家设立的高校和科研院所而言，定价还要符合协议定价公示、挂牌交易或拍卖等程序要求。"
                                 "挂牌交易通过公开市场发现价格，公信力强；协议定价更灵活，但需要保留完整的定价依据。"
                                 "无论采用哪种方式，都应在档案中说明价格形成的过程和理由。"),
                        ("text", "谈判前，技术经理人应确定三个价格：期望价格、可以接受的底价和首次报价，并想清楚谈判破裂时的最佳替代方案。"
                                 "清楚自己的底线和替代方案，才能在谈判中既不轻易让步，也不因过度坚持而错失合作。"
                                 "线下工作坊将以模拟谈判的方式练习这一过程。"),
                        ("case", {
                            "title": "公示期里出现了更高的报价",
                            "text": "一所农业院校拟以协议定价方式将一项果蔬保鲜技术以80万元转让给长期合作的企业。公示期间，"
                                    "另一家企业提出异议，表示愿意出更高价格。学校随即将该技术转到省技术交易市场公开挂牌，"
                                    "最终以115万元成交。由于事先没有向原合作企业说明公示规则，双方关系一度紧张。"
                                    "启示：公示和挂牌不仅是合规程序，也是发现市场价格的机制，应事先向意向方讲清规则。",
                        }),
                    ],
                },
                "en": {
                    "title": "From Valuation to Deal Price",
                    "body": [
                        ("heading", "What a valuation report can and cannot do"),
                        ("text", "A valuation report is a professional opinion of value for a stated purpose, under stated "
                                 "assumptions and at a stated valuation date. It can support an equity contribution, a state-asset "
                                 "transaction or the public notice of a negotiated price, but it is not the deal price. When reading "
                                 "one, check the subject and scope of rights, the key assumptions, the basis of the income forecast "
                                 "and the sensitivity analysis, not just the bottom-line figure."),
                        ("heading", "Pricing strategy and deal structure"),
                        ("text", "The deal price comes out of negotiation and depends on each side's alternatives, bargaining power "
                                 "and the structure of the deal. When a technology's value is highly uncertain, a single lump sum is "
                                 "hard to agree. Splitting the price into an upfront fee, running royalties on sales, milestone "
                                 "payments and an annual minimum lets the price follow the technology's actual performance and "
                                 "narrows the gap between the parties' views of the future."),
                        ("text", "State-established universities and institutes must also follow the required procedures: public "
                                 "notice of a negotiated price, listing on an exchange, or auction. Listing discovers the price in an "
                                 "open market and carries more credibility; a negotiated price is more flexible but needs a full "
                                 "record of how it was reached. Either way, the file should explain how and why the price was set."),
                        ("text", "Before negotiating, set three prices: your target, your walk-away price and your opening offer, and "
                                 "be clear about your best alternative if the talks fail. Knowing your floor and your alternative "
                                 "lets you avoid both giving in too easily and holding out so long that the deal is lost. The "
                                 "classroom workshop practises this with a mock negotiation."),
                        ("case", {
                            "title": "A higher bid during the notice period",
                            "text": "An agricultural college planned to sell a fruit and vegetable preservation technology to a "
                                    "long-standing partner at a negotiated price of 800,000 yuan. During the notice period another "
                                    "company objected and said it would pay more. The college moved the technology to the provincial "
                                    "technology exchange for open listing, where it sold for 1.15 million yuan. Because the original "
                                    "partner had not been told about the notice rules in advance, relations were strained for a "
                                    "while. Lesson: public notice and listing are a way of discovering the market price as well as a "
                                    "compliance step; explain the rules to prospective buyers up front.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ I-04
    {
        "code": "I-04",
        "module": "practice",
        "delivery": "online",
        "hours": 6,
        "instructors": ["liu", "wang"],
        "zh": {
            "title": "许可协议条款设计与审计",
            "summary": (
                "围绕专利与技术秘密许可协议，讲解许可类型与范围、费用结构、勤勉义务等核心条款的设计，"
                "以及如何组织对被许可方的许可费审计。"
            ),
            "objectives": [
                "区分独占、排他和普通许可，能够从领域、地域、期限和再许可等维度界定许可范围",
                "能够设计由入门费、提成费、里程碑付款和最低提成费组成的费用结构，并准确定义计费基础",
                "掌握审计条款的常见约定，能够组织许可费审计并处理审计发现的问题",
            ],
        },
        "en": {
            "title": "Licence Terms and Licensee Audits",
            "summary": (
                "The core terms of patent and know-how licences: type and scope of licence, fee structure and diligence "
                "obligations, and how to organise a royalty audit of a licensee."
            ),
            "objectives": [
                "Distinguish exclusive, sole and non-exclusive licences and define scope by field, territory, term and "
                "sublicensing",
                "Design a fee structure of upfront fees, running royalties, milestones and minimums, with a precise "
                "royalty base",
                "Know the usual audit clauses, and organise a royalty audit and deal with its findings",
            ],
        },
        "lessons": [
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "许可的类型与范围",
                    "body": [
                        ("heading", "独占、排他与普通许可"),
                        ("text", "按照许可方保留权利的程度，专利实施许可通常分为三类：独占实施许可，指在约定范围内只有被许可方可以实施，"
                                 "许可方自己也不得实施；排他实施许可，指许可方不再许可第三方，但自己保留实施权；"
                                 "普通实施许可，指许可方仍可自行实施并许可他人实施。许可类型直接影响价格和被许可方的投入意愿。"),
                        ("text", "高校和科研院所通常不自行生产，独占许可对其自身实施的限制影响不大，但应在合同中保留为科研和教学目的"
                                 "继续使用该技术的权利。对于应用面广的平台型技术，按领域分别授予独占许可，"
                                 "往往比由一家企业独占全部领域更能发挥技术的价值。"),
                        ("heading", "领域、地域、期限与再许可"),
                        ("text", "许可范围应从四个维度界定：技术领域或产品范围、地域、期限以及是否允许再许可。领域的界定要具体到"
                                 "能够判断某一产品是否落入其中；专利许可期限一般不超过专利有效期，涉及技术秘密的应另行约定；"
                                 "再许可条款应写明再许可需经许可方同意的条件，以及许可方从再许可收入中分成的比例。"),
                        ("text", "合同还应约定后续改进成果的归属与使用。《民法典》允许当事人按照互利原则约定后续改进技术成果的分享办法；"
                                 "没有约定或者约定不明确的，一方后续改进的成果，其他各方无权分享。但限制对方在合同标的技术基础上"
                                 "进行新的研究开发，或者要求对方无偿、非互惠地提供改进技术，可能构成非法垄断技术，导致相关条款无效。"),
                        ("case", {
                            "title": "按领域拆分许可",
                            "text": "明湖大学一项可降解高分子材料技术，原本计划独占许可给一家包装企业。技术转移中心调研发现，"
                                    "该材料在医用缝合线和农用地膜领域同样有前景，于是将许可拆分为三个领域：包装领域独占许可给原企业，"
                                    "医用和农用领域另寻合作方。三年后，医用领域的许可收入反而最高。"
                                    "启示：先梳理技术的应用场景，再决定许可的边界，避免“一家独占、全盘锁死”。",
                        }),
                    ],
                },
                "en": {
                    "title": "Types and Scope of Licences",
                    "body": [
                        ("heading", "Exclusive, sole and non-exclusive"),
                        ("text", "Patent licences are usually grouped by how much the licensor keeps for itself. Under an exclusive "
                                 "licence, only the licensee may practise the patent within the agreed scope, and the licensor "
                                 "itself may not. Under a sole licence, the licensor grants no further licences but keeps the right to "
                                 "practise. Under a non-exclusive licence, the licensor may practise the patent and license others. "
                                 "The type of licence directly affects the price and how much the licensee is willing to invest."),
                        ("text", "Universities and institutes rarely manufacture, so an exclusive licence costs them little in terms "
                                 "of their own use, but the contract should reserve the right to keep using the technology for "
                                 "research and teaching. For platform technologies with many applications, granting exclusive "
                                 "licences field by field often realises more value than giving one company every field."),
                        ("heading", "Field, territory, term and sublicensing"),
                        ("text", "Define the scope along four dimensions: field of use or product scope, territory, term, and whether "
                                 "sublicensing is allowed. The field must be defined precisely enough to tell whether a given product "
                                 "falls within it. A patent licence should not normally run beyond the life of the patent, and "
                                 "know-how needs its own term. The sublicensing clause should state when the licensor's consent is "
                                 "needed and what share of sublicence income the licensor receives."),
                        ("text", "The contract should also deal with improvements. The Civil Code lets the parties agree, on a mutually "
                                 "beneficial basis, how later improvements are shared; without such agreement, neither party has a "
                                 "claim to the other's improvements. But restricting the other party from further research on the "
                                 "licensed technology, or requiring it to hand over its improvements free or on non-reciprocal terms, "
                                 "may amount to illegally monopolising technology and make the clause void."),
                        ("case", {
                            "title": "Splitting a licence by field",
                            "text": "Minghu University planned to license a biodegradable polymer exclusively to a packaging company. "
                                    "The technology transfer centre's market research showed that the material was just as promising "
                                    "for surgical sutures and agricultural mulch film, so the licence was split into three fields: "
                                    "packaging went exclusively to the original company, and partners were sought separately for the "
                                    "medical and agricultural fields. Three years later the medical field earned the most. Lesson: "
                                    "map the applications before drawing the boundaries of a licence, instead of locking everything "
                                    "up with one licensee.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "费用结构与付款条款",
                    "body": [
                        ("heading", "常见的费用组成"),
                        ("text", "许可费通常由几部分组合而成：入门费，在合同生效或技术交付时一次性支付，体现技术的基础价值；"
                                 "提成费，按被许可产品的销售额或数量的一定比例持续支付；里程碑付款，在完成研发节点、获得注册批准、"
                                 "首次销售或销售额达到约定水平时支付；年度最低提成费，保证即使销售不理想，许可方也能获得基本收入。"),
                        ("text", "最低提成费对独占许可尤为重要。独占许可意味着许可方放弃了向他人许可的机会，如果被许可方拿到权利却不实施，"
                                 "技术就会被搁置。因此独占许可通常还要配套勤勉义务条款，约定研发进度、上市时间或最低销售量，"
                                 "未达标时许可方可以将独占许可转为普通许可，或者解除合同。"),
                        ("heading", "计费基础与付款安排"),
                        ("text", "提成费的计费基础一般是“净销售额”，合同应明确可从发票金额中扣除的项目，如销售折扣、退货、运输保险费"
                                 "和流转税等，必要时限制扣除的上限。对于组合产品，还要约定如何确定许可技术所对应部分的价值。"
                                 "计费基础定义不清，是许可纠纷最常见的来源之一。"),
                        ("text", "付款条款应约定报告周期、付款期限、币种和汇率、逾期利息以及税费承担。被许可方应随每期付款提交销售报告，"
                                 "列明产品名称、数量、总销售额、扣除项目和计算过程。若交易同时包含股权和现金对价，"
                                 "还应约定取得股权的条件和防止股权被过度稀释的保护措施。"),
                        ("case", {
                            "title": "计费基础写不清的代价",
                            "text": "某研究院将一项传感器芯片技术许可给一家仪器公司，约定按净销售额的3%收取提成费。几年后，"
                                    "研究院发现提成收入远低于预期：该公司把芯片装进整机销售，却以芯片的内部转移价格作为计费基础。"
                                    "由于合同对组合产品的计费方式没有约定，研究院只能重新谈判。"
                                    "启示：起草时要设想被许可方所有可能的销售形态，事先写清楚计费基础。",
                        }),
                    ],
                },
                "en": {
                    "title": "Fee Structures and Payment Terms",
                    "body": [
                        ("heading", "The usual components"),
                        ("text", "Licence fees are usually a combination of several parts. The upfront fee is paid once when the "
                                 "contract takes effect or the technology is delivered, and reflects the technology's base value. "
                                 "Running royalties are paid continuously as a percentage of sales or per unit. Milestone payments "
                                 "fall due on development milestones, regulatory approval, first sale or reaching a sales level. An "
                                 "annual minimum royalty guarantees the licensor a basic income even if sales disappoint."),
                        ("text", "Minimum royalties matter most in exclusive licences. An exclusive licence means the licensor gives "
                                 "up the chance to license others; if the licensee takes the rights and does nothing, the technology "
                                 "sits on the shelf. Exclusive licences therefore usually carry diligence obligations, such as "
                                 "development timelines, launch dates or minimum sales, and if these are missed the licensor may "
                                 "convert the licence to non-exclusive or terminate it."),
                        ("heading", "Royalty base and payment terms"),
                        ("text", "Royalties are normally calculated on \"net sales\". The contract should list what may be deducted "
                                 "from the invoiced amount, such as discounts, returns, freight and insurance and sales taxes, and "
                                 "cap the deductions where needed. For combination products it must say how the value of the "
                                 "licensed part is determined. A vague royalty base is one of the most common causes of licence "
                                 "disputes."),
                        ("text", "The payment terms should set the reporting period, payment deadline, currency and exchange rate, "
                                 "late interest and who bears taxes. With each payment the licensee should send a sales report "
                                 "listing the products, quantities, gross sales, deductions and the calculation. Where the "
                                 "consideration includes equity as well as cash, the contract should also set the conditions for "
                                 "receiving the shares and protection against excessive dilution."),
                        ("case", {
                            "title": "The price of a vague royalty base",
                            "text": "A research institute licensed a sensor chip technology to an instrument maker for a royalty of 3% "
                                    "of net sales. Years later the institute found its royalty income far below expectations: the "
                                    "licensee built the chip into complete instruments and paid on the chip's internal transfer "
                                    "price. Since the contract said nothing about combination products, the institute could only "
                                    "renegotiate. Lesson: when drafting, imagine every way the licensee might sell, and define the "
                                    "royalty base accordingly.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "许可费审计",
                    "body": [
                        ("heading", "为什么需要审计条款"),
                        ("text", "提成费依赖被许可方自行申报，许可方很难直接掌握其真实的销售情况。审计条款赋予许可方在一定条件下"
                                 "查阅被许可方相关账簿和记录的权利，是保障提成收入的关键工具。常见约定包括：被许可方应将相关记录保存若干年；"
                                 "许可方每年最多审计一次，并须提前书面通知；审计由许可方委托的独立会计师在正常工作时间进行。"),
                        ("text", "审计费用的承担通常与审计结果挂钩：一般由许可方承担，但如果发现少付金额超过应付金额的一定比例，"
                                 "实务中常见为5%，则由被许可方承担审计费用，并补缴少付款项及逾期利息。"
                                 "这种设计既防止许可方滥用审计权，又对少报行为形成约束。"),
                        ("heading", "审计的组织与常见问题"),
                        ("text", "审计前，许可方应梳理合同条款和历次销售报告，确定审计期间和重点，例如净销售额的扣除项、关联方销售、"
                                 "再许可收入和组合产品的计价。审计中要核对销售报告与财务账簿、发票和出库记录是否一致。"
                                 "审计结束后，审计师出具报告，双方就差异进行沟通，必要时按合同的争议解决条款处理。"),
                        ("text", "实践中，审计发现的差异多数并非故意隐瞒，而是双方对合同的理解不同，例如样品和赠品是否计费，"
                                 "海外子公司的销售是否计入。因此，审计也是与被许可方校准合同理解、改进报告格式的机会。"
                                 "对于长期合作伙伴，可以先进行非正式的报告复核，再决定是否启动正式审计。"),
                        ("case", {
                            "title": "写得可执行，更要用起来",
                            "text": "一家高校技术转移中心对其最大的被许可方进行了首次审计。审计师发现，被许可方通过关联经销商销售的产品，"
                                    "是按给经销商的内部价格计算提成的，三年累计少付约12%。由于合同约定少付超过5%时审计费用由被许可方承担，"
                                    "对方补缴了差额、利息和审计费用，并同意此后按经销商的对外售价计费。"
                                    "启示：审计条款既要写得可执行，也要真正用起来，否则只是纸面上的权利。",
                        }),
                    ],
                },
                "en": {
                    "title": "Royalty Audits",
                    "body": [
                        ("heading", "Why you need an audit clause"),
                        ("text", "Royalties rely on the licensee's own reports, and the licensor has no direct view of actual sales. "
                                 "An audit clause gives the licensor the right, under set conditions, to inspect the licensee's "
                                 "relevant books and records, and is the key tool for protecting royalty income. Typical terms: the "
                                 "licensee keeps the records for a number of years; the licensor may audit at most once a year with "
                                 "prior written notice; the audit is done by an independent accountant appointed by the licensor "
                                 "during normal business hours."),
                        ("text", "Who pays for the audit usually depends on the result. The licensor normally pays, but if the "
                                 "underpayment exceeds a set share of the amount due, commonly 5%, the licensee pays the audit costs "
                                 "as well as the shortfall and late interest. This stops the licensor from abusing the right while "
                                 "discouraging under-reporting."),
                        ("heading", "Running an audit, and what it usually finds"),
                        ("text", "Before the audit, go through the contract and past sales reports and decide the audit period and "
                                 "focus, such as deductions from net sales, sales to affiliates, sublicence income and the pricing of "
                                 "combination products. During the audit, reconcile the sales reports with the ledgers, invoices "
                                 "and shipping records. Afterwards the auditor reports, the parties discuss the differences, and if "
                                 "necessary the contract's dispute resolution clause applies."),
                        ("text", "In practice most discrepancies come from different readings of the contract rather than deliberate "
                                 "concealment: whether samples and free goods are royalty-bearing, whether sales by overseas "
                                 "subsidiaries are included. An audit is thus also a chance to align interpretations and improve the "
                                 "report format. With long-standing partners, an informal review of the reports can come first, "
                                 "before deciding on a formal audit."),
                        ("case", {
                            "title": "Enforceable on paper, and used in practice",
                            "text": "A university technology transfer centre audited its largest licensee for the first time. The "
                                    "auditor found that products sold through an affiliated distributor had been reported at the "
                                    "internal price charged to the distributor, leaving royalties about 12% short over three years. "
                                    "Because the contract put audit costs on the licensee for shortfalls above 5%, the licensee paid "
                                    "the difference, interest and audit fees, and agreed to pay on the distributor's resale price from "
                                    "then on. Lesson: an audit clause must be enforceable and actually used, or it is a right on paper "
                                    "only.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ I-05
    {
        "code": "I-05",
        "module": "practice",
        "delivery": "online",
        "hours": 6,
        "instructors": ["liu", "zhao"],
        "zh": {
            "title": "尽职调查",
            "summary": (
                "讲解技术交易尽职调查的范围、流程与方法，重点是知识产权权属、有效性与自由实施（FTO）分析，"
                "以及如何撰写面向决策的尽调报告。"
            ),
            "objectives": [
                "掌握技术交易尽职调查的范围与工作流程，理解卖方尽调的价值",
                "能够核查知识产权的权属链条、权利负担、法律状态与稳定性",
                "理解自由实施分析的方法与局限，能够撰写面向决策的尽调报告",
            ],
        },
        "en": {
            "title": "Due Diligence",
            "summary": (
                "The scope, process and methods of due diligence in technology deals, focusing on IP ownership, validity "
                "and freedom to operate, and on writing a report that supports decisions."
            ),
            "objectives": [
                "Know the scope and workflow of due diligence in technology deals and the value of sell-side diligence",
                "Check the chain of title, encumbrances, legal status and robustness of IP rights",
                "Understand the method and limits of freedom-to-operate analysis and write a decision-oriented report",
            ],
        },
        "lessons": [
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "尽职调查的范围与流程",
                    "body": [
                        ("heading", "为什么要做尽职调查"),
                        ("text", "尽职调查是在交易前对标的技术及相关主体进行的系统核查，目的是发现风险、验证价值假设，"
                                 "并为定价和合同条款提供依据。技术交易中，通常由买方或投资方主导调查，但作为卖方的高校和科研院所"
                                 "也应做“卖方尽调”，提前整理材料、发现并修补问题，避免在谈判中陷入被动。"),
                        ("text", "技术交易的尽职调查一般涵盖四个方面：知识产权，包括权属、有效性、自由实施和权利负担；技术，"
                                 "包括成熟度、可重复性和数据可靠性；市场与商业，包括应用场景、竞争格局和客户验证；法律与合规，"
                                 "包括既有合同义务、政府资助条件、监管审批和出口管制等。调查深度应与交易金额和风险相匹配。"),
                        ("heading", "工作流程"),
                        ("text", "典型流程包括：确定调查范围和重点，签署保密协议，发出尽调清单，审阅资料，开展专利检索与分析，"
                                 "访谈发明人和关键人员，必要时进行技术验证或委托第三方实验，最后形成报告。"
                                 "报告应将发现的问题区分为交易障碍性问题、需要在合同中处理的问题和提示性问题，并逐项提出处理建议。"),
                        ("case", {
                            "title": "卖方尽调避免交易搁浅",
                            "text": "云岭大学准备将一组光伏电池专利转让给企业。技术转移中心在对外推介前先做了一轮卖方尽调，"
                                    "发现其中一件核心专利的发明人中有一名合作企业的工程师，而当年的合作协议约定成果归双方共有，"
                                    "专利却只以学校名义申请。中心及时与合作企业协商，签订了权利确认协议，避免了买方尽调时发现问题导致交易搁浅。"
                                    "启示：卖方主动发现并修补瑕疵，比被买方发现后压价要划算得多。",
                        }),
                    ],
                },
                "en": {
                    "title": "Scope and Process of Due Diligence",
                    "body": [
                        ("heading", "Why due diligence"),
                        ("text", "Due diligence is a systematic review of the technology and the parties before a deal, meant to "
                                 "uncover risks, test the assumptions behind the value and inform the price and contract terms. In "
                                 "technology deals the buyer or investor usually leads, but universities and institutes on the sell "
                                 "side should do their own sell-side diligence: organise the documents, find and fix problems early, "
                                 "and avoid being put on the back foot in negotiations."),
                        ("text", "Due diligence in a technology deal usually covers four areas: intellectual property (ownership, "
                                 "validity, freedom to operate and encumbrances); the technology (maturity, reproducibility and "
                                 "reliability of data); market and business (applications, competition and customer validation); and "
                                 "legal and compliance matters (existing contractual obligations, funding conditions, regulatory "
                                 "approvals, export control). The depth should match the size and risk of the deal."),
                        ("heading", "The workflow"),
                        ("text", "A typical process: define the scope and priorities, sign a confidentiality agreement, send a "
                                 "diligence request list, review the documents, carry out patent searches and analysis, interview "
                                 "the inventors and key people, commission technical verification or third-party testing where "
                                 "needed, and write the report. The report should sort findings into deal-breakers, issues to be "
                                 "handled in the contract and points to note, with a recommendation for each."),
                        ("case", {
                            "title": "Sell-side diligence saves a deal",
                            "text": "Yunling University was preparing to sell a group of photovoltaic cell patents. Before marketing "
                                    "them, the technology transfer centre ran its own diligence and found that one inventor of a core "
                                    "patent was an engineer from a partner company; the collaboration agreement had made the results "
                                    "jointly owned, yet the patent had been filed in the university's name alone. The centre agreed a "
                                    "confirmation of rights with the partner in time, so the problem never surfaced in the buyer's "
                                    "diligence to stall the deal. Lesson: fixing defects yourself is far cheaper than having the buyer "
                                    "find them and cut the price.",
                        }),
                    ],
                },
            },
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "知识产权核查：权属、负担与有效性",
                    "body": [
                        ("heading", "权属链条与权利负担"),
                        ("text", "权属核查要回答“谁有权处分这项技术”。应核对专利登记簿上的权利人和历次著录项目变更、发明人与单位的劳动或聘用关系，"
                                 "以及合作研发、委托开发合同中的权属约定。对于共有专利，《专利法》规定共有人对权利行使有约定的从其约定；"
                                 "没有约定的，共有人可以单独实施或以普通许可方式许可他人实施，除此以外行使共有权利应当取得全体共有人同意。"),
                        ("text", "还要核查权利负担和既有义务：专利是否已经质押，是否存在在先许可特别是独占许可，是否涉及查封或诉讼，"
                                 "以及政府资助项目对成果实施的要求。按照《科学技术进步法》，利用财政性资金形成的成果，项目承担者负有"
                                 "依法实施的义务，国家在法定情形下还可以无偿实施或者许可他人实施。"),
                        ("heading", "法律状态与稳定性"),
                        ("text", "有效性核查首先看法律状态：专利是否已授权，是否按时缴纳年费，剩余保护期多长，是否有无效宣告请求。"
                                 "对尚未授权的申请，要评估授权前景和可能的保护范围。其次是稳定性分析，即通过检索现有技术判断权利要求被宣告无效的风险。"
                                 "实用新型和外观设计未经实质审查，稳定性风险相对更高，必要时可以请求出具专利权评价报告。"),
                        ("text", "最后要评估保护范围与商业价值是否匹配：权利要求能否覆盖买方计划生产的产品，竞争者能否轻易绕开。"
                                 "一件权利要求写得过窄的有效专利，在交易中的价值可能远低于其技术贡献。"
                                 "这一判断需要专利代理师或律师结合具体产品方案逐项比对。"),
                        ("case", {
                            "title": "最便宜也最关键的一步",
                            "text": "一家投资机构拟投资某高校团队创办的新材料公司，公司的核心资产是学校作价入股的三件专利。"
                                    "尽调发现，其中一件发明专利因年费逾期且滞纳期已过，已被通知权利终止，所幸仍在可以请求恢复权利的期限内，"
                                    "公司立即办理了恢复手续。另一件实用新型的检索结果显示稳定性存疑，投资方据此下调了估值。"
                                    "启示：法律状态核查成本很低，却能避免最基础也最致命的错误。",
                        }),
                    ],
                },
                "en": {
                    "title": "IP Review: Ownership, Encumbrances and Validity",
                    "body": [
                        ("heading", "Chain of title and encumbrances"),
                        ("text", "The ownership review answers the question \"who may dispose of this technology?\" Check the owner "
                                 "on the patent register and every recorded change, the inventors' employment relationships, and "
                                 "the ownership terms of collaboration and commissioned research contracts. For co-owned patents, the "
                                 "Patent Law lets the co-owners' agreement govern; without one, each co-owner may practise the patent "
                                 "alone or grant non-exclusive licences, and anything else requires the consent of all co-owners."),
                        ("text", "Also check encumbrances and existing obligations: whether a patent has been pledged, whether there "
                                 "are earlier licences, especially exclusive ones, whether it is under seizure or in litigation, and "
                                 "what a government funding programme requires. Under the Law on Scientific and Technological "
                                 "Progress, the holder of results from publicly funded projects must put them to use, and in the "
                                 "cases set by law the state may use them free of charge or license others to use them."),
                        ("heading", "Legal status and robustness"),
                        ("text", "Validity starts with legal status: has the patent been granted, have the annual fees been paid, how "
                                 "much term remains, is there an invalidation request? For pending applications, assess the chances "
                                 "and likely scope of a grant. Next comes robustness: searching the prior art to judge the risk that "
                                 "the claims will be invalidated. Utility models and designs are not substantively examined and are "
                                 "riskier; if needed, request a patent evaluation report from the patent office."),
                        ("text", "Finally, check whether the scope of protection matches the commercial value: do the claims cover the "
                                 "product the buyer intends to make, and can competitors easily design around them? A valid patent "
                                 "with over-narrow claims may be worth far less in a deal than its technical contribution suggests. "
                                 "This judgement needs a patent attorney or lawyer comparing the claims with the actual product, "
                                 "feature by feature."),
                        ("case", {
                            "title": "The cheapest step is also the most critical",
                            "text": "An investor was considering a new-materials start-up founded by a university team, whose core "
                                    "assets were three patents contributed by the university as equity. Diligence showed that annual "
                                    "fees on one invention patent were overdue, the grace period had passed and a notice of "
                                    "termination had been issued; fortunately the deadline for requesting restoration had not, and "
                                    "the company restored the right at once. A search on a utility model cast doubt on its "
                                    "validity, and the investor lowered its valuation. Lesson: checking legal status costs little "
                                    "and prevents the most basic and most fatal mistakes.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "自由实施分析与尽调报告",
                    "body": [
                        ("heading", "有专利不等于可以自由实施"),
                        ("text", "专利权是一种排他权，而不是实施权。即使标的技术本身拥有专利，实施该技术生产产品时，"
                                 "仍可能落入他人在先专利的保护范围，例如基础专利掌握在他人手中，而标的专利只是其改进。"
                                 "自由实施分析（FTO）就是判断在特定地域内制造、销售特定产品是否存在侵犯他人有效专利的风险。"),
                        ("text", "FTO分析应以具体的产品和工艺方案为对象，在目标市场所在国家或地区检索有效专利和可能授权的申请，"
                                 "筛选出相关度高的文献后逐一进行权利要求比对。对于高风险专利，可以考虑设计规避、寻求许可、收购专利、"
                                 "提起无效宣告，或者在评估其稳定性后接受一定风险。"),
                        ("text", "FTO结论具有时效性和地域性：今天没有风险的产品，可能因为新专利授权而产生风险；在中国可以自由实施，"
                                 "不代表在欧美也可以。因此报告中应注明检索截止日期、检索范围和地域，"
                                 "并建议在产品上市前和进入新市场时进行更新。"),
                        ("heading", "撰写面向决策的尽调报告"),
                        ("text", "有用的尽调报告应当面向决策：开篇给出核心结论和交易建议，然后分领域列出发现的问题、风险等级、依据和应对措施，"
                                 "例如要求卖方作出陈述与保证、设置交割先决条件、调整价格或分期付款、约定赔偿责任等。"
                                 "附件中保留检索式、文献清单和访谈记录，便于日后复核。"),
                        ("case", {
                            "title": "FTO改变了交易结构",
                            "text": "一家医疗器械企业拟受让某研究所的一项导管涂层专利，并计划出口欧洲。FTO分析发现，"
                                    "一家外国公司在欧洲持有一件覆盖相关涂层基础配方的专利，距到期还有四年。企业与研究所协商，"
                                    "将交易改为“先独占许可、后转让”的分步结构：产品先在国内上市，欧洲市场待对方专利到期或取得许可后再进入。"
                                    "启示：FTO结果不一定否定交易，但往往会改变交易的时间表和结构。",
                        }),
                    ],
                },
                "en": {
                    "title": "Freedom to Operate and the Diligence Report",
                    "body": [
                        ("heading", "Owning a patent is not freedom to operate"),
                        ("text", "A patent is a right to exclude others, not a right to practise. Even if the technology is patented, "
                                 "making a product with it may still fall within someone else's earlier patent, for instance when the "
                                 "basic patent belongs to another party and the one on offer is only an improvement. "
                                 "Freedom-to-operate (FTO) analysis assesses whether making and selling a specific product in a "
                                 "specific territory risks infringing valid third-party patents."),
                        ("text", "An FTO analysis takes a concrete product and process as its subject. It searches the target markets "
                                 "for patents in force and applications that may be granted, selects the most relevant documents and "
                                 "compares their claims one by one. For high-risk patents the options include designing around, "
                                 "taking a licence, buying the patent, seeking invalidation, or accepting some risk after assessing "
                                 "the patent's robustness."),
                        ("text", "FTO conclusions are limited in time and place: a product that is clear today may be at risk once a "
                                 "new patent is granted, and freedom to operate in China says nothing about Europe or the United "
                                 "States. The report should therefore state the search cut-off date, scope and territories, and "
                                 "recommend updates before launch and before entering new markets."),
                        ("heading", "A report that supports decisions"),
                        ("text", "A useful diligence report is built for the decision-maker. It opens with the key conclusions and a "
                                 "recommendation on the deal, then lists the findings by area with risk level, evidence and remedy, "
                                 "such as representations and warranties from the seller, conditions precedent, price adjustments or "
                                 "staged payments, and indemnities. The annexes keep the search strings, document lists and interview "
                                 "notes for later review."),
                        ("case", {
                            "title": "FTO reshapes the deal",
                            "text": "A medical device company planned to acquire a catheter coating patent from a research institute "
                                    "and export to Europe. The FTO analysis found that a foreign company held a European patent "
                                    "covering the base formulation of the coating, with four years left to run. The company and the "
                                    "institute restructured the deal in stages, first an exclusive licence and later an assignment: "
                                    "the product would launch in China first and enter Europe once the other patent expired or a "
                                    "licence was obtained. Lesson: an FTO finding need not kill a deal, but it often changes its "
                                    "timetable and structure.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ I-06
    {
        "code": "I-06",
        "module": "practice",
        "delivery": "online",
        "hours": 4,
        "instructors": ["zhao"],
        "zh": {
            "title": "竞争情报分析",
            "summary": (
                "介绍竞争情报的作用、信息来源和合法边界，讲解专利分析的常用方法，"
                "以及如何把情报转化为服务于研发布局和成果推介的决策依据。"
            ),
            "objectives": [
                "理解竞争情报在技术转移中的作用，掌握常用信息源及合法合规的边界",
                "掌握趋势、地域、申请人、技术构成和引用等专利分析方法，重视检索与数据清洗的质量",
                "能够形成潜在被许可方清单、专利导航等服务于转化决策的情报产品",
            ],
        },
        "en": {
            "title": "Competitive Intelligence",
            "summary": (
                "What competitive intelligence does, where it comes from and where its legal limits lie; the main methods "
                "of patent analytics; and how to turn intelligence into decisions on research planning and marketing "
                "technologies."
            ),
            "objectives": [
                "Understand the role of competitive intelligence in technology transfer, its main sources and its legal "
                "and ethical limits",
                "Apply trend, geographic, applicant, technology and citation analysis, with proper attention to search "
                "and data cleaning",
                "Produce intelligence that supports commercialisation, such as lists of potential licensees and patent "
                "navigation studies",
            ],
        },
        "lessons": [
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "竞争情报的作用与边界",
                    "body": [
                        ("heading", "什么是竞争情报"),
                        ("text", "竞争情报是对竞争环境、竞争对手和竞争策略相关信息进行合法收集、分析和传递的过程，"
                                 "其产出是能够支持决策的判断，而不是信息的简单堆砌。在技术转移中，竞争情报帮助回答这些问题："
                                 "这项技术的潜在买家是谁？有哪些替代技术？行业领先企业在布局什么方向？我们的技术处于什么位置？"),
                        ("text", "常用信息源包括专利文献、科技论文、技术标准、上市公司年报和招股说明书、政府采购和招投标信息、"
                                 "行业协会报告、展会资料和产品说明书，以及对行业专家的访谈。其中专利文献格式规范、信息结构化程度高、"
                                 "公开及时，是技术竞争情报最重要的来源之一。"),
                        ("heading", "合法合规的边界"),
                        ("text", "竞争情报必须通过合法途径获取。以盗窃、贿赂、欺诈、胁迫、电子侵入等不正当手段获取他人商业秘密，"
                                 "违反《反不正当竞争法》；冒充身份套取信息、诱导对方员工泄露保密信息，同样是不可接受的做法。"
                                 "技术经理人在访谈和交流中应表明身份，对于对方无意中透露的明显属于保密的信息，应谨慎处理，不得使用。"),
                        ("case", {
                            "title": "从专利数据中找到买家",
                            "text": "一家技术转移机构受托为某高校的一项水处理膜技术寻找买家。分析人员检索了近五年国内外水处理膜领域的专利申请，"
                                    "发现一家中型环保企业的申请量增长很快，但在该高校技术所解决的抗污染问题上几乎没有布局，"
                                    "而该企业的产品资料又恰好反复强调这一痛点。机构据此主动联系该企业，很快进入了许可谈判。"
                                    "启示：好的竞争情报不仅告诉你对手是谁，还能帮你找到最需要这项技术的人。",
                        }),
                    ],
                },
                "en": {
                    "title": "The Role and Limits of Competitive Intelligence",
                    "body": [
                        ("heading", "What competitive intelligence is"),
                        ("text", "Competitive intelligence is the lawful collection, analysis and communication of information about "
                                 "the competitive environment, competitors and their strategies. Its product is a judgement that "
                                 "supports a decision, not a pile of information. In technology transfer it helps answer questions "
                                 "such as: who might buy this technology, what are the alternatives, where are the industry leaders "
                                 "heading, and where does our technology stand?"),
                        ("text", "Common sources include patent documents, scientific papers, technical standards, annual reports and "
                                 "prospectuses of listed companies, public procurement and tender notices, industry association "
                                 "reports, trade fair materials and product literature, and interviews with industry experts. Patent "
                                 "documents, with their standard format, structured data and timely publication, are among the most "
                                 "important sources of technology intelligence."),
                        ("heading", "Staying within the law"),
                        ("text", "Intelligence must be gathered by lawful means. Obtaining trade secrets by theft, bribery, fraud, "
                                 "coercion or hacking violates the Anti-Unfair Competition Law; posing as someone else to extract "
                                 "information, or inducing employees to leak confidential material, is equally unacceptable. "
                                 "Technology managers should identify themselves in interviews and conversations, and handle with "
                                 "care, and not use, information that is obviously confidential and was disclosed by mistake."),
                        ("case", {
                            "title": "Finding a buyer in the patent data",
                            "text": "A technology transfer agency was asked to find a buyer for a university's water treatment "
                                    "membrane. Its analysts searched five years of membrane patent filings worldwide and found a "
                                    "mid-sized environmental company whose filings were growing fast but which had almost nothing on "
                                    "fouling resistance, the very problem the university's technology solved, while the company's own "
                                    "product literature kept stressing that pain point. The agency approached the company and was "
                                    "soon negotiating a licence. Lesson: good intelligence tells you not only who your competitors "
                                    "are but who needs your technology most.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "专利分析的方法",
                    "body": [
                        ("heading", "常用分析维度"),
                        ("text", "专利分析通常从几个维度展开：趋势分析，观察某一技术领域申请量随时间的变化，判断技术处于萌芽、成长还是成熟阶段；"
                                 "地域分析，看申请人在哪些国家和地区布局，反映其目标市场；申请人分析，识别主要竞争者及其技术重点；"
                                 "技术构成分析，按国际专利分类号或自定义的技术分支统计，发现热点和空白。"),
                        ("text", "引用分析是评估专利影响力的重要手段。一件专利被后续专利引用的次数越多，通常说明其技术越基础或越重要；"
                                 "同族专利的数量和覆盖的国家，则反映申请人对该技术的重视程度和投入。需要注意的是，"
                                 "这些指标受申请年份和技术领域的影响很大，只能在同类专利之间比较。"),
                        ("heading", "从检索到结论"),
                        ("text", "分析质量取决于检索质量。检索式应由关键词和分类号组合构成，并通过反复核查查全率和查准率进行调整。"
                                 "检索完成后还要进行数据清洗，例如统一申请人名称、合并同族专利、剔除不相关的噪声文献。"
                                 "一份图表精美但数据未经清洗的报告，可能得出完全错误的结论。"),
                        ("text", "图表本身不是结论。分析人员应把数据转化为对决策有用的判断，例如“该领域主要申请人集中在三家企业，"
                                 "其中两家正转向某一技术路线，而我方技术与该路线兼容，可以作为推介的重点对象”。"
                                 "每一个结论都应注明所依据的数据及其局限。"),
                        ("case", {
                            "title": "被低估的竞争对手",
                            "text": "某知识产权服务机构为一个产业园区绘制电池材料专利地图，初稿显示园区企业的头号竞争对手是一家不知名的公司。"
                                    "复核发现，这家公司只是某大型集团十几家子公司之一，由于没有合并申请人名称，集团的真实布局被严重低估。"
                                    "修正数据后，报告的结论和建议都发生了变化。"
                                    "启示：申请人名称规范化这类基础工作，决定了专利分析的可信度。",
                        }),
                    ],
                },
                "en": {
                    "title": "Methods of Patent Analysis",
                    "body": [
                        ("heading", "The usual dimensions"),
                        ("text", "Patent analysis usually looks along several dimensions. Trend analysis follows filing volumes in a "
                                 "field over time to judge whether the technology is emerging, growing or mature. Geographic "
                                 "analysis shows where applicants file, which reflects their target markets. Applicant analysis "
                                 "identifies the main competitors and their technical focus. Technology breakdown, by International "
                                 "Patent Classification or custom branches, reveals hot spots and gaps."),
                        ("text", "Citation analysis is an important measure of influence. A patent cited often by later patents is "
                                 "usually more fundamental or important; the size and geographic reach of a patent family show how "
                                 "much the applicant values and invests in the technology. These indicators depend heavily on filing "
                                 "year and field, so compare only like with like."),
                        ("heading", "From search to conclusions"),
                        ("text", "An analysis is only as good as its search. Build search strings from keywords combined with "
                                 "classification codes, and refine them by repeatedly checking recall and precision. Then clean the "
                                 "data: standardise applicant names, merge patent families, remove irrelevant noise. A report with "
                                 "beautiful charts built on uncleaned data can reach entirely wrong conclusions."),
                        ("text", "Charts are not conclusions. The analyst must turn data into judgements that help a decision, for "
                                 "example: \"filings in this field are concentrated in three companies, two of which are moving to a "
                                 "particular technical route; our technology is compatible with that route, so they should be our "
                                 "priority prospects.\" Every conclusion should state the data it rests on and its limits."),
                        ("case", {
                            "title": "An underestimated competitor",
                            "text": "An IP services firm was mapping battery materials patents for an industrial park. The first "
                                    "draft showed an obscure company as the park's top competitor. On review it turned out to be one "
                                    "of a dozen subsidiaries of a large group; because applicant names had not been merged, the "
                                    "group's real position was badly underestimated. Once the data were corrected, both conclusions "
                                    "and recommendations changed. Lesson: unglamorous work such as standardising applicant names "
                                    "decides whether patent analysis can be trusted.",
                        }),
                    ],
                },
            },
            {
                "minutes": 30,
                "required": False,
                "zh": {
                    "title": "情报产品与转化决策",
                    "body": [
                        ("heading", "面向转化的情报产品"),
                        ("text", "技术转移中常用的情报产品包括：技术评估简报，用于在成果披露后快速判断是否值得申请专利和投入推广；"
                                 "潜在被许可方清单，列出可能的买家及其需求依据；技术路线图和专利地图，用于规划研发方向与专利布局；"
                                 "以及竞争动态监测，定期跟踪重点企业的专利和产品变化。"),
                        ("text", "专利导航是近年来大力推广的一种工作方法，它把专利分析嵌入产业规划、企业经营和研发活动，为决策提供依据。"
                                 "高校和科研院所可以在重大科研项目立项前开展专利导航，避免重复研究，"
                                 "并在研发过程中同步规划专利布局，从源头提高成果的可转化性。"),
                        ("heading", "建立持续的监测机制"),
                        ("text", "竞争情报不是一次性的工作。技术转移机构可以围绕重点学科和在推成果设定检索式，定期推送新公开的专利、"
                                 "新发表的论文和行业动态，由技术经理人初步研判后分享给科研团队。长期积累的情报还能形成机构自己的行业知识库，"
                                 "明显提高成果推介的效率和针对性。"),
                        ("case", {
                            "title": "情报放在研发之前",
                            "text": "华东某研究院在申报一个燃料电池催化剂重大项目前开展了专利导航。分析发现，项目原定的技术路线在海外已有大量基础专利，"
                                    "而另一条低铂路线的专利布局相对薄弱。团队据此调整了研究重点，项目结题时形成了一组布局完整的专利，"
                                    "并顺利许可给两家企业。启示：情报分析放在研发之前，价值往往比放在转化阶段更大。",
                        }),
                    ],
                },
                "en": {
                    "title": "Intelligence Products for Commercialisation Decisions",
                    "body": [
                        ("heading", "Intelligence products for commercialisation"),
                        ("text", "Intelligence products commonly used in technology transfer include: technology assessment briefs, "
                                 "for deciding quickly after disclosure whether a result is worth patenting and marketing; lists of "
                                 "potential licensees, with evidence of each one's need; technology roadmaps and patent maps, for "
                                 "planning research and patent portfolios; and competitor monitoring, tracking key companies' "
                                 "patents and products over time."),
                        ("text", "Patent navigation, promoted widely in China in recent years, embeds patent analysis in industrial "
                                 "planning, business operations and research so that decisions rest on evidence. Universities and "
                                 "institutes can run a navigation study before launching a major research project, to avoid "
                                 "duplicating existing work, and plan the patent portfolio as the research proceeds, making the "
                                 "results easier to commercialise from the outset."),
                        ("heading", "Continuous monitoring"),
                        ("text", "Intelligence is not a one-off job. A technology transfer office can set up searches around its key "
                                 "disciplines and the technologies it is marketing, receive new patents, papers and industry news "
                                 "regularly, and have technology managers screen them and pass them to research teams. Over time this "
                                 "builds the office's own industry knowledge base and makes its marketing much more efficient and "
                                 "better targeted."),
                        ("case", {
                            "title": "Intelligence before research",
                            "text": "Before bidding for a major project on fuel cell catalysts, a research institute in eastern China "
                                    "ran a patent navigation study. It showed that the planned technical route was already crowded "
                                    "with foreign basic patents, while a low-platinum route was thinly covered. The team shifted its "
                                    "focus, finished the project with a well-structured patent portfolio, and licensed it to two "
                                    "companies. Lesson: intelligence applied before the research often pays off more than "
                                    "intelligence applied at the commercialisation stage.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ I-07
    {
        "code": "I-07",
        "module": "general",
        "delivery": "online",
        "hours": 6,
        "instructors": ["chen", "sun"],
        "zh": {
            "title": "转化路径：许可、转让、作价投资",
            "summary": (
                "比较科技成果转化的主要路径及其适用条件，讲解作价投资设立企业的流程、股权安排和团队激励，"
                "以及交易完成后的合同管理与技术服务。"
            ),
            "objectives": [
                "了解法律规定的科技成果转化方式，比较转让、许可和作价投资的特点",
                "能够根据技术成熟度、承接主体、应用范围和团队意愿选择或组合转化路径",
                "掌握作价投资的基本流程、股权设计要点，以及转让、许可后的登记、备案与持续管理",
            ],
        },
        "en": {
            "title": "Commercialisation Paths",
            "summary": (
                "The main routes to commercialisation and when each fits; how to set up a company with technology as "
                "equity, including shareholding and team incentives; and managing contracts and technical services after "
                "the deal."
            ),
            "objectives": [
                "Know the forms of commercialisation provided by law and compare assignment, licensing and equity "
                "contribution",
                "Choose or combine paths according to technology maturity, available partners, breadth of application and "
                "the team's wishes",
                "Understand the process and shareholding design of equity deals, and the registration, recording and "
                "follow-up after assignments and licences",
            ],
        },
        "lessons": [
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "转化方式概览与路径选择",
                    "body": [
                        ("heading", "法定的转化方式"),
                        ("text", "《促进科技成果转化法》列举了科技成果持有者可以采用的转化方式：自行投资实施转化；向他人转让该科技成果；"
                                 "许可他人使用该科技成果；以该科技成果作为合作条件，与他人共同实施转化；"
                                 "以该科技成果作价投资，折算股份或者出资比例；以及其他协商确定的方式。实践中最常见的是转让、许可和作价投资。"),
                        ("text", "转让是将权利整体移转给受让方，交易清晰、回款较快，适合技术较成熟、单位无意继续持有的情形；"
                                 "许可保留了权利，可以按领域和地域分别授权，并通过提成分享后续收益，但需要持续管理合同；"
                                 "作价投资以技术换取企业股权，潜在回报最高，风险和管理负担也最大。"),
                        ("heading", "如何选择路径"),
                        ("text", "选择路径时可以依次追问：技术成熟度如何，是否需要大量后续投入？是否已有有能力实施的企业？"
                                 "技术只对应单一产品，还是可以用于多个领域的平台？发明人是否有意愿和能力参与创业？"
                                 "单位对回款时间和风险的偏好如何？一般而言，成熟度高、有明确承接企业的技术适合转让或许可；"
                                 "平台型、处于早期且团队有创业意愿的技术，更适合作价投资设立新企业。"),
                        ("case", {
                            "title": "转化路径不是单选题",
                            "text": "长河大学一项工业视觉检测算法同时面临两种选择：一家大型制造企业愿意出价500万元买断，"
                                    "而发明人团队希望自己创办公司，把技术推广到更多行业。技术转移中心分析后提出组合方案："
                                    "将汽车零部件检测领域独占许可给该制造企业，收取入门费和提成费；其余领域由团队以作价投资方式创业。"
                                    "两年后，两条路径都产生了收益。启示：按领域组合使用不同路径，往往能兼顾短期回报与长期价值。",
                        }),
                    ],
                },
                "en": {
                    "title": "Paths to Commercialisation and How to Choose",
                    "body": [
                        ("heading", "The forms provided by law"),
                        ("text", "The Law on Promoting the Transformation of Scientific and Technological Achievements lists the ways "
                                 "a holder may commercialise a result: investing in it directly; assigning it to others; licensing "
                                 "others to use it; using it as the basis for joint exploitation with a partner; contributing it as "
                                 "equity in exchange for shares or a capital stake; and other agreed means. In practice the most "
                                 "common are assignment, licensing and equity contribution."),
                        ("text", "Assignment transfers the whole right to the buyer; the deal is clean and the money comes sooner, so "
                                 "it suits fairly mature technologies that the institution has no wish to keep. Licensing keeps the "
                                 "right, allows grants by field and territory, and shares future earnings through royalties, but the "
                                 "contract must be managed over time. Equity contribution swaps the technology for shares; it has the "
                                 "highest potential return and the greatest risk and management burden."),
                        ("heading", "Choosing a path"),
                        ("text", "Ask in turn: how mature is the technology and how much further investment does it need? Is there a "
                                 "company able to exploit it? Does it serve one product or is it a platform for many fields? Do the "
                                 "inventors want to, and can they, start a company? How does the institution weigh the timing of "
                                 "income against risk? As a rule, mature technologies with an obvious industrial partner suit "
                                 "assignment or licensing, while early platform technologies with an entrepreneurial team suit a new "
                                 "company funded by equity contribution."),
                        ("case", {
                            "title": "Not a multiple-choice question",
                            "text": "Changhe University's industrial machine-vision inspection algorithm faced two options: a large "
                                    "manufacturer offered 5 million yuan to buy it outright, while the inventors wanted to start a "
                                    "company and take the technology into more industries. The technology transfer centre proposed a "
                                    "combination: an exclusive licence for automotive parts inspection to the manufacturer, with an "
                                    "upfront fee and royalties, and all other fields contributed as equity to the team's start-up. Two "
                                    "years on, both paths were earning. Lesson: combining paths by field can balance short-term "
                                    "returns with long-term value.",
                        }),
                    ],
                },
            },
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "作价投资设立企业",
                    "body": [
                        ("heading", "作价投资的基本流程"),
                        ("text", "作价投资一般包括以下步骤：发明人提出申请并提交商业计划；技术转移机构进行论证；通过评估或协议定价确定作价金额；"
                                 "单位按内部程序决策并公示；与其他股东签订投资协议和公司章程；办理专利权或技术秘密的权属变更，完成出资。"
                                 "知识产权出资必须依法办理财产权转移手续，否则可能被认定为出资不到位。"),
                        ("text", "《公司法》允许以知识产权等可以用货币估价并可以依法转让的非货币财产作价出资，"
                                 "作为出资的非货币财产应当评估作价，核实财产，不得高估或者低估作价。高估不仅会带来出资不实的法律风险，"
                                 "还会抬高公司的初始估值，给后续融资造成困难。"),
                        ("heading", "股权安排与团队激励"),
                        ("text", "在单位没有规定或约定时，按照法定标准，以职务科技成果作价投资的，应从形成的股份或出资比例中"
                                 "提取不低于50%奖励完成和转化人员。常见做法是在出资时就将奖励股权直接登记在团队成员或其持股平台名下，"
                                 "减少日后股权过户的手续。符合条件的股权奖励，获奖人在取得时可暂不缴纳个人所得税，待分红或转让时再依法纳税。"),
                        ("text", "股权结构设计要为后续融资留出空间。创始团队应保持对公司经营的主导权，单位一般不宜追求控股，"
                                 "以财务投资者身份参与更为合适；同时要约定发明人的全职或兼职安排、后续技术的获取方式和竞业限制。"
                                 "单位所持股权的退出渠道，如转让给团队、随融资转让或上市后减持，也应及早规划。"),
                        ("case", {
                            "title": "经得起投资人检验的股权结构",
                            "text": "某研究所以一项医疗影像技术作价2000万元入股新公司，研究所持股60%，团队以现金出资持股40%。"
                                    "公司寻求天使投资时，投资人认为技术作价偏高、研究所持股过多而团队激励不足，都不愿投资。"
                                    "经协商，研究所按制度将部分股权奖励给团队，并降低了自身持股比例，公司随后完成了融资。"
                                    "启示：作价投资的目标是让企业活下来、长起来，股权结构首先要经得起投资人的检验。",
                        }),
                    ],
                },
                "en": {
                    "title": "Founding a Company with Technology as Equity",
                    "body": [
                        ("heading", "The basic process"),
                        ("text", "An equity contribution usually runs as follows: the inventors apply with a business plan; the "
                                 "technology transfer office reviews it; the contribution value is set by valuation or negotiated "
                                 "price; the institution decides under its internal procedures and posts a public notice; the "
                                 "parties sign an investment agreement and articles of association; and the patent or know-how is "
                                 "transferred to complete the contribution. IP must be formally transferred, or the contribution may "
                                 "be treated as unpaid."),
                        ("text", "The Company Law allows contributions in kind, such as IP, that can be valued in money and lawfully "
                                 "transferred. Such assets must be appraised and verified, and may not be over- or under-valued. "
                                 "Over-valuation creates a legal risk of defective capital contribution and also inflates the "
                                 "company's starting valuation, making later fundraising harder."),
                        ("heading", "Shareholding and team incentives"),
                        ("text", "Where the institution has no rules or agreement, the statutory default is that at least 50% of the "
                                 "shares or capital stake obtained from an employee invention go to those who created and "
                                 "commercialised it. A common practice is to register the reward shares directly to the team members "
                                 "or their holding vehicle at the time of contribution, avoiding later transfers. Where conditions "
                                 "are met, equity rewards are not taxed on receipt; tax is paid on dividends or on sale."),
                        ("text", "The cap table must leave room for later rounds. The founding team should keep the lead in running "
                                 "the company; the institution is usually better placed as a financial investor than as controlling "
                                 "shareholder. The parties should also agree whether the inventors work full or part time, how the "
                                 "company gets access to follow-on technology, and any non-compete terms. Plan the institution's "
                                 "exit early as well: sale to the team, sale in a funding round, or sale after listing."),
                        ("case", {
                            "title": "A cap table investors can accept",
                            "text": "A research institute contributed a medical imaging technology valued at 20 million yuan to a new "
                                    "company, taking 60%, while the team put in cash for 40%. When the company sought angel funding, "
                                    "investors judged the technology over-valued, the institute's stake too large and the team's "
                                    "incentives too weak, and none would invest. After talks, the institute awarded part of its "
                                    "shares to the team under its rules and reduced its stake, and the company then closed its round. "
                                    "Lesson: the aim of an equity deal is a company that survives and grows, and its cap table must "
                                    "first pass the investors' test.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "转让与许可的实施管理",
                    "body": [
                        ("heading", "交易之后的工作"),
                        ("text", "签订合同并不意味着转化完成。对于许可交易，技术经理人需要跟踪付款和销售报告、监督勤勉义务、"
                                 "处理再许可审批和专利维持；对于转让交易，要及时向国家知识产权局办理转让登记，专利权的转让自登记之日起生效。"
                                 "专利实施许可合同应当自合同生效之日起三个月内办理备案。"),
                        ("text", "技术合同还应到技术合同登记机构申请认定登记。经认定登记的技术转让、技术开发合同及与之相关的技术咨询、"
                                 "技术服务，可以依法享受增值税免征等优惠；企业符合条件的技术转让所得，在一个纳税年度内不超过500万元的部分"
                                 "免征企业所得税，超过部分减半征收。"),
                        ("heading", "转让或许可加技术服务"),
                        ("text", "有些技术很难“一卖了之”，受让企业缺乏消化吸收能力，需要发明人团队持续参与。此时可以采用"
                                 "“转让或许可加技术服务”的组合：在许可或转让合同之外另签技术服务合同，约定培训、工艺调试和问题解决的内容、"
                                 "期限和费用。这样既保障了实施效果，也为科研人员的服务收入提供了合规渠道。"),
                        ("case", {
                            "title": "把人的投入写进合同",
                            "text": "一家县域铸造企业受让了某大学的一项节能熔炼工艺，但投产后良品率一直达不到合同约定的指标，"
                                    "双方一度对合同是否履行到位产生争议。技术转移中心介入后发现，问题在于工人对温控参数的操作经验不足。"
                                    "双方补签了为期一年的技术服务合同，由研究团队派人驻厂指导，良品率很快达标。"
                                    "启示：对于工艺类技术，转化合同应当把人员投入和技术服务写进去。",
                        }),
                    ],
                },
                "en": {
                    "title": "Managing Assignments and Licences",
                    "body": [
                        ("heading", "Work after the deal"),
                        ("text", "Signing the contract does not complete the transfer. For licences, the technology manager follows "
                                 "payments and sales reports, monitors diligence obligations, handles sublicence approvals and keeps "
                                 "the patents in force. For assignments, register the transfer with the China National Intellectual "
                                 "Property Administration promptly, since an assignment of a patent takes effect on registration. "
                                 "Patent licence contracts should be recorded within three months of taking effect."),
                        ("text", "Technology contracts should also be submitted to a technology contract registration office for "
                                 "recognition. Registered contracts for technology transfer and development, and related consulting "
                                 "and services, can qualify for VAT exemption and other benefits. For enterprises, qualifying income "
                                 "from technology transfer is exempt from corporate income tax up to 5 million yuan per tax year, and "
                                 "taxed at half the rate above that."),
                        ("heading", "Transfer plus technical services"),
                        ("text", "Some technologies cannot simply be sold and left: the buyer lacks the capacity to absorb them and "
                                 "needs the inventors' continued involvement. Here a combination of transfer or licence plus "
                                 "services works well: alongside the main contract, sign a technical services contract setting out "
                                 "the training, process commissioning and troubleshooting to be provided, for how long and at what "
                                 "fee. This secures successful implementation and gives researchers a compliant channel for service "
                                 "income."),
                        ("case", {
                            "title": "Put people into the contract",
                            "text": "A county-level foundry acquired a university's energy-saving smelting process, but after start-up "
                                    "its yield never reached the level promised in the contract, and the parties argued over whether "
                                    "the contract had been performed. The technology transfer centre stepped in and found the problem "
                                    "was the workers' inexperience in handling the temperature control parameters. The parties signed "
                                    "a one-year technical services contract, the research team sent staff to the plant, and the yield "
                                    "soon met the target. Lesson: for process technologies, commercialisation contracts should "
                                    "include people's time and technical services.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ I-08
    {
        "code": "I-08",
        "module": "capability",
        "delivery": "blended",
        "hours": 6,
        "instructors": ["sun", "chen"],
        "zh": {
            "title": "概念验证与中试熟化",
            "summary": (
                "以技术就绪水平（TRL）为框架，讲解如何通过概念验证和中试熟化跨越“死亡之谷”，"
                "线下环节将实地参观概念验证中心或中试平台。"
            ),
            "objectives": [
                "理解技术就绪水平（TRL）的分级及其在转化决策中的应用",
                "掌握概念验证项目的目标设定、阶段管理和终止机制",
                "了解中试熟化的组织方式、资源和权属安排",
            ],
        },
        "en": {
            "title": "Proof of Concept and Scale-up",
            "summary": (
                "Using technology readiness levels (TRL) as a framework, how proof of concept and pilot-scale work carry a "
                "technology across the \"valley of death\"; the classroom part includes a visit to a proof-of-concept "
                "centre or pilot plant."
            ),
            "objectives": [
                "Understand the technology readiness levels and how to use them in commercialisation decisions",
                "Set goals, manage stages and stop projects when needed in proof-of-concept work",
                "Know how pilot-scale development is organised and resourced, and how rights in its results are handled",
            ],
        },
        "lessons": [
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "技术就绪水平与“死亡之谷”",
                    "body": [
                        ("heading", "技术就绪水平（TRL）"),
                        ("text", "技术就绪水平（TRL）最早由美国国家航空航天局提出，用于衡量一项技术从基本原理到实际应用的成熟程度，"
                                 "通常分为九级：1至3级对应基本原理的发现、技术概念的形成和关键功能的实验验证；"
                                 "4至6级对应部件和原型系统在实验室环境及相关环境中的验证；7至9级对应在实际使用环境中的示范、定型和成功应用。"),
                        ("text", "高校和科研院所的成果大多处于TRL 3至4级，即完成了原理验证或做出了实验室样品，"
                                 "而企业愿意投资的技术通常需要达到TRL 6级甚至更高。两者之间的差距需要资金、工程能力和市场验证来填补，"
                                 "但科研经费一般不覆盖，企业又不愿承担风险，这一阶段因此被形象地称为“死亡之谷”。"),
                        ("heading", "用TRL说清差距"),
                        ("text", "TRL为科研人员、技术经理人和投资人提供了共同语言。评估一项成果时，可以对照各级别的标准，"
                                 "逐项核实有哪些证据支持当前级别，还缺少哪些验证才能进入下一级。需要注意，TRL只衡量技术本身的成熟度，"
                                 "制造、市场和监管方面的成熟度还需另行评估，例如可参考制造就绪水平（MRL）等框架。"),
                        ("case", {
                            "title": "说清“差在哪里”",
                            "text": "某大学研发的柔性压力传感器在论文中展示了优异的灵敏度，多家企业前来洽谈，却都在看过样品后放弃。"
                                    "技术转移中心用TRL框架重新梳理后发现，该技术只完成了单个器件的实验室测试，约处于TRL 4级，"
                                    "而企业需要的是能在整机中连续可靠工作的模组。中心据此申请了概念验证资金，重点解决封装和耐久性问题。"
                                    "启示：用TRL说清“差在哪里”，比反复推介更能推动转化。",
                        }),
                    ],
                },
                "en": {
                    "title": "Technology Readiness Levels and the Valley of Death",
                    "body": [
                        ("heading", "Technology readiness levels"),
                        ("text", "Technology readiness levels (TRL), first developed by NASA, measure how far a technology has "
                                 "progressed from basic principles to real use. There are usually nine levels: 1 to 3 cover "
                                 "observing basic principles, formulating the concept and experimentally proving key functions; 4 to "
                                 "6 cover validating components and prototype systems in the laboratory and in a relevant "
                                 "environment; 7 to 9 cover demonstration in the operational environment, qualification and "
                                 "successful use."),
                        ("text", "Most university and institute results sit at TRL 3 or 4: the principle is proven or a laboratory "
                                 "sample exists. Companies usually want TRL 6 or higher before they invest. The gap has to be filled "
                                 "with money, engineering and market validation, yet research grants rarely pay for it and companies "
                                 "are reluctant to take the risk, which is why this stage is called the \"valley of death\"."),
                        ("heading", "Using TRL to name the gap"),
                        ("text", "TRL gives researchers, technology managers and investors a common language. When assessing a "
                                 "result, compare it with the definition of each level, check what evidence supports the current "
                                 "level and what validation is missing to reach the next. Note that TRL measures only the maturity of "
                                 "the technology itself; manufacturing, market and regulatory readiness need separate assessment, for "
                                 "example with frameworks such as manufacturing readiness levels (MRL)."),
                        ("case", {
                            "title": "Saying what is missing",
                            "text": "A university's flexible pressure sensor showed excellent sensitivity in published papers, and "
                                    "several companies came to talk, but all of them dropped out after seeing the samples. Mapping it "
                                    "against TRL, the technology transfer centre found that only single devices had been tested in "
                                    "the laboratory, roughly TRL 4, while the companies needed modules that would work reliably and "
                                    "continuously inside a finished product. The centre applied for proof-of-concept funding to "
                                    "tackle packaging and durability. Lesson: using TRL to say exactly what is missing does more for "
                                    "commercialisation than marketing the technology again and again.",
                        }),
                    ],
                },
            },
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "概念验证项目的设计与管理",
                    "body": [
                        ("heading", "概念验证要验证什么"),
                        ("text", "概念验证是在成果转化早期，对技术原理的可行性、产品化的可能性和商业价值进行验证的活动。"
                                 "它不是继续做科研，而是围绕“能否转化”回答关键问题：技术在接近真实的条件下是否有效？"
                                 "能否以可接受的成本制造？目标客户是否真的需要并愿意付费？每个项目都应设定明确、可检验的目标。"),
                        ("text", "近年来，不少地方和高校设立了概念验证中心或概念验证基金，以较小额度的资金支持早期项目，"
                                 "并配备由技术经理人、行业专家和投资人组成的辅导团队。资助对象一般是应用前景明确但尚未达到企业投资门槛的成果，"
                                 "资金主要用于样机制作、第三方测试、用户试用和知识产权布局等。"),
                        ("heading", "分阶段管理与终止机制"),
                        ("text", "概念验证项目宜采用分阶段、设关口的管理方式：立项时明确验证指标、预算和时间表，周期通常在一年左右；"
                                 "中期检查时对照指标评估进展，不达标的项目要及时调整或终止。敢于终止没有前景的项目，"
                                 "本身就是概念验证的价值所在，它避免了后续更大的资源浪费。"),
                        ("text", "项目结束时应形成验证报告，内容包括技术指标测试结果、成本估算、用户反馈和下一步转化方案。"
                                 "验证成功的项目要尽快对接投资人或企业，避免“验证完成又被搁置”。一些概念验证基金还约定，"
                                 "项目转化成功后按一定比例的收益或股权回馈基金，使资金能够滚动使用。"),
                        ("case", {
                            "title": "不只证明能做，更要发现该做成什么样",
                            "text": "滨江大学概念验证中心支持了一项农作物病害快速检测试纸技术，设定三项目标：田间检测准确率达到实验室方法的90%以上，"
                                    "单条成本低于5元，并获得至少三家种植合作社的试用反馈。八个月后，前两项指标达标，"
                                    "但试用发现农户更需要能用手机读取和记录结果的方案。团队据此调整设计，项目随后获得了天使投资。"
                                    "启示：概念验证的价值不只是证明“能做”，还在于尽早发现“该做成什么样”。",
                        }),
                    ],
                },
                "en": {
                    "title": "Designing and Managing Proof-of-Concept Projects",
                    "body": [
                        ("heading", "What proof of concept should prove"),
                        ("text", "Proof of concept is the early-stage work that tests whether a technology is feasible, whether it can "
                                 "become a product and whether it has commercial value. It is not more research; it answers the key "
                                 "questions about commercialisation. Does the technology work under near-real conditions? Can it be "
                                 "made at an acceptable cost? Do target customers really need it and will they pay? Every project "
                                 "needs clear, testable goals."),
                        ("text", "In recent years many regions and universities have set up proof-of-concept centres or funds that "
                                 "give small grants to early projects, backed by mentoring teams of technology managers, industry "
                                 "experts and investors. They usually fund results with a clear application that are not yet ready "
                                 "for corporate investment, and the money goes on prototypes, third-party testing, user trials and "
                                 "patent filings."),
                        ("heading", "Stage gates and stopping"),
                        ("text", "Proof-of-concept projects are best run in stages with gates. At the start, fix the validation "
                                 "targets, budget and timetable, usually about a year. At the mid-term review, measure progress "
                                 "against the targets and adjust or stop projects that fall short. Being willing to stop a project "
                                 "with no prospects is itself part of the value of proof of concept, because it avoids wasting far "
                                 "more later."),
                        ("text", "At the end, write a validation report with the test results against technical targets, cost "
                                 "estimates, user feedback and the plan for the next step. Successful projects should be put in front "
                                 "of investors or companies quickly, so that they are not shelved again after validation. Some funds "
                                 "also take a share of income or equity when a project succeeds, so that the money can be recycled."),
                        ("case", {
                            "title": "Not only whether it works, but what it should be",
                            "text": "Binjiang University's proof-of-concept centre backed a rapid test strip for crop diseases with "
                                    "three targets: field accuracy of at least 90% of the laboratory method, a cost below 5 yuan per "
                                    "strip, and trial feedback from at least three farming cooperatives. After eight months the first "
                                    "two targets were met, but the trials showed that farmers wanted results they could read and log "
                                    "with a phone. The team changed the design and soon raised angel funding. Lesson: proof of concept "
                                    "shows not only that something can be done but, early on, what it should become.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "中试熟化",
                    "body": [
                        ("heading", "从实验室到生产线"),
                        ("text", "中试是介于实验室研究和规模化生产之间的试验阶段，目的是在接近生产的条件下验证工艺的稳定性、"
                                 "放大效应、设备选型、原料适应性和成本，并形成工艺包等技术文件。许多在实验室中表现良好的工艺，"
                                 "在放大过程中会遇到传热传质、杂质累积、批次一致性等新问题，中试正是为了暴露和解决这些问题。"),
                        ("text", "中试往往需要专门的场地、设备和工程人员，投入远超实验室研究。常见的组织方式包括：依托高校或科研院所自建的中试基地，"
                                 "利用地方政府或园区建设的公共中试平台，与有生产条件的企业合作中试，或者委托专业的中试服务机构。"
                                 "无论采用哪种方式，都应事先约定中试数据、改进成果和新成果的归属。"),
                        ("heading", "中试的产出与转化价值"),
                        ("text", "中试完成后，技术的可转化性明显提高：企业可以依据中试数据进行投资决策和工程设计，技术的交易价格也会相应提升。"
                                 "因此，有些技术转移机构会先投入资源完成中试，再进行许可或作价投资，以争取更好的交易条件。"
                                 "但这需要权衡投入和风险，并不是所有技术都值得“养熟再卖”。"),
                        ("case", {
                            "title": "边试边改的成果归谁",
                            "text": "一家研究所与一家化工企业合作开展新型催化工艺的中试，中试在企业车间进行，企业提供设备和人员。"
                                    "中试过程中，企业工程师提出了一项显著降低能耗的改进，准备以企业名义单独申请专利，"
                                    "研究所则认为该改进是在其原有技术基础上作出的。由于合作协议事先约定了中试改进成果的权属和许可安排，"
                                    "双方按约定共同申请，分歧很快化解。启示：中试合作协议要把“边试边改”产生的新成果考虑进去。",
                        }),
                    ],
                },
                "en": {
                    "title": "Pilot-Scale Development",
                    "body": [
                        ("heading", "From laboratory to production line"),
                        ("text", "The pilot stage sits between laboratory research and full-scale production. Its purpose is to test, "
                                 "under near-production conditions, the stability of the process, scale-up effects, equipment "
                                 "choice, tolerance of raw materials and cost, and to produce documentation such as a process "
                                 "package. Many processes that work well in the laboratory run into new problems on scale-up, such "
                                 "as heat and mass transfer, build-up of impurities or batch-to-batch variation; the pilot stage "
                                 "exists to expose and solve them."),
                        ("text", "Pilot work needs dedicated space, equipment and engineers, and costs far more than laboratory "
                                 "research. Common arrangements are a university's or institute's own pilot base, a public pilot "
                                 "platform built by local government or an industrial park, a pilot run with a company that has "
                                 "production facilities, or a specialist pilot services provider. In every case, agree in advance "
                                 "who owns the pilot data, improvements and new results."),
                        ("heading", "What the pilot stage delivers"),
                        ("text", "After a successful pilot, a technology is much easier to commercialise: companies can base "
                                 "investment decisions and engineering design on the pilot data, and the deal price rises "
                                 "accordingly. Some technology transfer offices therefore invest in the pilot first and license or "
                                 "contribute the technology afterwards, to get better terms. This means weighing cost against risk; "
                                 "not every technology is worth maturing before sale."),
                        ("case", {
                            "title": "Who owns improvements made along the way?",
                            "text": "A research institute ran a pilot of a new catalytic process with a chemical company, in the "
                                    "company's plant with its equipment and staff. During the pilot a company engineer proposed an "
                                    "improvement that cut energy use significantly and wanted to patent it in the company's name "
                                    "alone, while the institute held that it built on the institute's technology. Because the "
                                    "cooperation agreement already covered the ownership and licensing of improvements made during "
                                    "the pilot, the two filed jointly as agreed and the disagreement was soon resolved. Lesson: a "
                                    "pilot agreement must anticipate the new results that come from improving the process as you go.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ I-09
    {
        "code": "I-09",
        "module": "capability",
        "delivery": "online",
        "hours": 6,
        "instructors": ["sun", "wang"],
        "zh": {
            "title": "科技金融与投融资",
            "summary": (
                "介绍科技型企业各发展阶段的融资来源，讲解早期股权投资的估值逻辑与关键条款，"
                "以及知识产权质押融资等科技金融工具的应用。"
            ),
            "objectives": [
                "了解科技型企业不同发展阶段的融资方式和政府资金的引导作用",
                "理解早期企业估值的逻辑和投资协议中的关键保护性条款，能够提示创业团队相关风险",
                "掌握知识产权质押融资的流程和要点，了解其他科技金融工具的适用条件",
            ],
        },
        "en": {
            "title": "Technology Finance",
            "summary": (
                "Sources of finance for technology companies at each stage, the logic of early-stage valuation and the key "
                "terms of investment agreements, and how to use IP-backed loans and other technology finance instruments."
            ),
            "objectives": [
                "Know the financing options at each stage of a technology company and the role of government funds",
                "Understand early-stage valuation and the key protective terms of investment agreements, and warn "
                "founding teams of the risks",
                "Know the process and essentials of IP-backed lending and when other technology finance instruments fit",
            ],
        },
        "lessons": [
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "融资阶段与资金来源",
                    "body": [
                        ("heading", "不同阶段，不同资金"),
                        ("text", "科技型企业从创立到成熟，通常经历种子期、初创期、成长期和扩张期，各阶段的风险和资金需求差异很大，"
                                 "对应的资金来源也不同：种子期主要依靠创始人自有资金、政府科技项目和概念验证资金；初创期以天使投资和早期风险投资为主；"
                                 "成长期和扩张期可以获得风险投资、私募股权投资和银行信贷，并最终借助资本市场融资。"),
                        ("text", "政府资金在早期阶段发挥着重要的引导作用。各级政府设立的创业投资引导基金通过参股子基金、跟投等方式，"
                                 "吸引社会资本投向早期科技企业；科技型中小企业还可以申请科技计划项目、贷款贴息和风险补偿等支持。"
                                 "技术经理人应熟悉本地的政策工具，帮助项目组合使用。"),
                        ("heading", "资本市场的支持"),
                        ("text", "多层次资本市场为科技企业提供了再融资和退出渠道。上海证券交易所科创板面向符合国家战略、"
                                 "突破关键核心技术的科技创新企业，设置了多套上市标准，其中包括允许尚未盈利的企业上市的标准；"
                                 "北京证券交易所则主要服务创新型中小企业。资本市场的存在提高了早期投资的预期回报，"
                                 "也让作价投资形成的股权有了更清晰的退出路径。"),
                        ("case", {
                            "title": "融资是一场接力",
                            "text": "某高校团队创办的生物材料公司，成立初期依靠学校的概念验证资金和一项省级科技项目完成了样品开发；"
                                    "随后获得天使投资，用于建设小试线；在取得第一张医疗器械注册证后，"
                                    "又获得了一家有政府引导基金参股的创投基金的A轮投资。技术转移中心在每个阶段都协助团队准备材料。"
                                    "启示：融资是一场接力，每一轮资金都要用来“证明下一件事”，为下一轮融资创造条件。",
                        }),
                    ],
                },
                "en": {
                    "title": "Financing Stages and Sources",
                    "body": [
                        ("heading", "Different stages, different money"),
                        ("text", "From founding to maturity, a technology company usually passes through seed, start-up, growth and "
                                 "expansion stages, each with very different risks and funding needs and therefore different "
                                 "sources. Seed funding comes mainly from the founders, government research programmes and "
                                 "proof-of-concept funds; start-ups rely on angels and early-stage venture capital; growth and "
                                 "expansion can draw on venture capital, private equity and bank credit, and eventually the capital "
                                 "markets."),
                        ("text", "Government money plays an important guiding role in the early stages. Government-sponsored venture "
                                 "guidance funds at all levels invest in sub-funds and co-invest to draw private capital into early "
                                 "technology companies, and small and medium technology firms can apply for research programme "
                                 "funding, loan interest subsidies and risk compensation. Technology managers should know the local "
                                 "instruments and help projects combine them."),
                        ("heading", "The capital markets"),
                        ("text", "China's multi-tier capital markets give technology companies a route to further funding and exit. "
                                 "The STAR Market of the Shanghai Stock Exchange serves innovative companies aligned with national "
                                 "strategy and working on key core technologies, with several sets of listing criteria, one of which "
                                 "admits companies that are not yet profitable; the Beijing Stock Exchange mainly serves innovative "
                                 "small and medium enterprises. These markets raise the expected return on early investment and give "
                                 "shares obtained through equity contributions a clearer exit."),
                        ("case", {
                            "title": "Financing is a relay race",
                            "text": "A biomaterials company founded by a university team developed its first samples with the "
                                    "university's proof-of-concept money and a provincial research grant. Angel investment then paid "
                                    "for a small pilot line, and after its first medical device registration certificate it raised a "
                                    "Series A from a venture fund backed by a government guidance fund. The technology transfer centre "
                                    "helped the team prepare at every stage. Lesson: financing is a relay; each round should be used "
                                    "to prove the next thing and set up the next round.",
                        }),
                    ],
                },
            },
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "股权投资的估值与关键条款",
                    "body": [
                        ("heading", "早期企业怎么估值"),
                        ("text", "早期科技企业缺乏稳定的收入和利润，难以用传统方法估值。投资人通常综合考虑团队能力、技术壁垒、市场空间、"
                                 "可比企业的融资估值和本轮资金需求来确定估值，并区分“投前估值”和“投后估值”。"
                                 "例如投前估值8000万元、投资2000万元，投后估值为1亿元，投资人持股20%。"),
                        ("text", "估值并非越高越好。过高的估值会抬高下一轮融资的门槛，一旦下一轮估值低于本轮，"
                                 "就可能触发反稀释条款，对创始团队和早期股东不利。对于以技术作价入股的单位和科研团队来说，"
                                 "合理的估值和清晰的股权结构，比账面上的高估值更有意义。"),
                        ("heading", "投资协议中的关键条款"),
                        ("text", "投资协议中常见的保护性条款包括：优先清算权，公司清算或被出售时投资人优先收回投资；反稀释条款，"
                                 "后续低价融资时调整投资人的持股比例或价格；回购权，约定情形下投资人可以要求公司或创始人回购股份；"
                                 "以及对重大事项的否决权。这些条款决定了风险在投资人与创始团队之间如何分配，其影响往往不亚于估值本身。"),
                        ("text", "估值调整协议，俗称“对赌”，在国内投资中很常见，通常约定业绩或上市目标未达成时的补偿或回购。"
                                 "司法实践中，投资方与公司股东或实际控制人之间的对赌一般认可其效力；投资方与公司本身对赌的，"
                                 "其履行还要受公司法关于资本维持等规定的约束。科研人员创业时应认真评估个人承担回购或补偿责任的风险。"),
                        ("case", {
                            "title": "个人对赌的风险",
                            "text": "一家以研究所技术作价入股的半导体材料公司在A轮融资时，创始人在投资协议中承诺："
                                    "若四年内未能上市，由其个人按年化8%的收益回购投资人的股份。后因行业周期下行，公司未能按期上市，"
                                    "创始人面临巨额回购责任，公司经营也因此受到牵连。启示：技术经理人在协助团队融资时，"
                                    "应提醒其审慎对待由个人承担的对赌条款，量力而行，必要时请专业律师把关。",
                        }),
                    ],
                },
                "en": {
                    "title": "Valuation and Key Terms in Equity Investment",
                    "body": [
                        ("heading", "Valuing an early-stage company"),
                        ("text", "Early technology companies have no stable revenue or profit, so traditional methods do not work "
                                 "well. Investors weigh the team, technical barriers, market size, the valuations of comparable "
                                 "companies and the amount being raised, and distinguish pre-money from post-money valuation. For "
                                 "example, with a pre-money valuation of 80 million yuan and an investment of 20 million, the "
                                 "post-money valuation is 100 million and the investor holds 20%."),
                        ("text", "Higher is not always better. An inflated valuation raises the bar for the next round, and if the "
                                 "next round is priced lower it can trigger anti-dilution clauses that hurt the founders and early "
                                 "shareholders. For institutions and research teams that contributed technology as equity, a "
                                 "reasonable valuation and a clean cap table mean more than a high number on paper."),
                        ("heading", "Key terms in the investment agreement"),
                        ("text", "Common protective terms include: liquidation preference, under which investors get their money back "
                                 "first if the company is wound up or sold; anti-dilution, which adjusts the investor's stake or "
                                 "price if later shares are sold more cheaply; redemption rights, under which investors can require "
                                 "the company or founders to buy back their shares in agreed circumstances; and vetoes over major "
                                 "decisions. These terms decide how risk is split between investors and founders and often matter as "
                                 "much as the valuation."),
                        ("text", "Valuation adjustment agreements, known in China as \"bet agreements\", are common and usually "
                                 "provide for compensation or buy-back if performance or listing targets are missed. Courts generally "
                                 "uphold such agreements between investors and the company's shareholders or controllers; where the "
                                 "company itself is the counterparty, performance is also subject to company law rules such as "
                                 "capital maintenance. Researchers starting companies should weigh carefully any personal liability "
                                 "for buy-backs or compensation."),
                        ("case", {
                            "title": "The risk of a personal bet",
                            "text": "In the Series A of a semiconductor materials company built on a research institute's "
                                    "technology, the founder promised personally to buy back the investors' shares at an 8% annual "
                                    "return if the company had not listed within four years. An industry downturn delayed the "
                                    "listing, the founder faced a huge buy-back obligation, and the business suffered as a result. "
                                    "Lesson: when helping a team raise money, warn them to treat personal bet clauses with great care, "
                                    "take on only what they can bear, and get a lawyer's advice.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "知识产权质押融资与其他科技金融工具",
                    "body": [
                        ("heading", "知识产权质押融资"),
                        ("text", "知识产权质押融资是指企业以合法拥有的专利权、商标权、著作权中的财产权出质，向银行等金融机构取得贷款。"
                                 "对于缺少厂房、设备等传统抵押物的轻资产科技企业，这是一条重要的债权融资渠道。"
                                 "专利权出质应当订立书面合同，并向国家知识产权局办理出质登记，质权自办理出质登记时设立。"),
                        ("text", "银行审批知识产权质押贷款时，通常关注专利的法律状态与稳定性、与企业主营产品的关联程度、评估价值，"
                                 "以及企业的经营状况和现金流。为分担风险，许多地方建立了由政府风险补偿资金、担保机构、保险机构和银行"
                                 "共同分担损失的机制，并配套贴息政策。专利与核心产品结合越紧密，其质押价值越容易得到认可。"),
                        ("heading", "其他科技金融工具"),
                        ("text", "除质押融资外，科技金融工具还包括：科技保险，例如专利执行保险、研发中断损失保险等；"
                                 "知识产权证券化，将一组许可合同或专利产生的未来现金流打包发行证券，国内已有若干试点项目；"
                                 "以及投贷联动，由银行与投资机构配合，以“股权加债权”的方式支持科技企业。"
                                 "这些工具各有适用条件，需要结合企业所处阶段和资产特点选择。"),
                        ("case", {
                            "title": "专利是增信手段，经营才是基础",
                            "text": "一家从事精密减速器研发的企业成立三年，营业收入稳定但没有自有厂房。在技术经理人协助下，"
                                    "企业以四件核心发明专利办理质押，获得银行500万元贷款，并享受了当地的贴息和风险补偿政策。"
                                    "银行评估时重点考察了专利与主力产品的对应关系以及企业的在手订单。"
                                    "启示：质押融资的本质仍是信用贷款，专利是增信手段，企业的经营能力才是基础。",
                        }),
                    ],
                },
                "en": {
                    "title": "IP-Backed Lending and Other Technology Finance Instruments",
                    "body": [
                        ("heading", "IP-backed loans"),
                        ("text", "In IP pledge financing, a company pledges the property rights in its patents, trademarks or "
                                 "copyrights to a bank or other lender to obtain a loan. For asset-light technology companies without "
                                 "buildings or equipment to offer as collateral, this is an important source of debt finance. A "
                                 "patent pledge requires a written contract and registration with the China National Intellectual "
                                 "Property Administration; the pledge is created on registration."),
                        ("text", "When assessing an IP-backed loan, banks usually look at the patents' legal status and robustness, how "
                                 "closely they relate to the company's main products, their appraised value, and the company's "
                                 "operations and cash flow. To spread the risk, many localities have set up arrangements in which "
                                 "government risk compensation funds, guarantors, insurers and banks share losses, often with "
                                 "interest subsidies. The more closely the patents are tied to core products, the more readily their "
                                 "pledge value is accepted."),
                        ("heading", "Other instruments"),
                        ("text", "Beyond pledge loans, technology finance instruments include technology insurance, such as patent "
                                 "enforcement insurance or cover for interrupted research; IP securitisation, which packages the "
                                 "future cash flows from a group of licences or patents into securities, with several pilot "
                                 "transactions in China; and linked investment and lending, in which a bank works with an investment "
                                 "firm to support a company with both equity and debt. Each has its own conditions and should be "
                                 "chosen to fit the company's stage and assets."),
                        ("case", {
                            "title": "Patents enhance credit; the business is the foundation",
                            "text": "A three-year-old developer of precision gear reducers had steady revenue but no premises of its "
                                    "own. With a technology manager's help, it pledged four core invention patents, obtained a "
                                    "5 million yuan bank loan, and benefited from local interest subsidies and risk compensation. In "
                                    "its assessment the bank focused on how the patents mapped onto the main products and on the "
                                    "company's order book. Lesson: an IP-backed loan is still a credit decision; the patents enhance "
                                    "creditworthiness, but the business is the foundation.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ I-10
    {
        "code": "I-10",
        "module": "capability",
        "delivery": "online",
        "hours": 6,
        "instructors": ["zhao", "chen"],
        "zh": {
            "title": "高价值专利培育",
            "summary": (
                "从价值内涵、专利挖掘、权利要求撰写到组合与国际布局，讲解如何从研发源头培育能够支撑转化的高价值专利。"
            ),
            "objectives": [
                "理解高价值专利的内涵、评价维度和相关政策导向",
                "掌握专利挖掘和权利要求撰写的要点，能够发现并纠正常见的撰写问题",
                "能够规划专利组合，合理选择PCT、巴黎公约等国际布局路径",
            ],
        },
        "en": {
            "title": "High-Value Patents",
            "summary": (
                "From what makes a patent valuable, through invention harvesting and claim drafting, to portfolios and "
                "international filing: how to build high-value patents that support commercialisation, starting at the "
                "research stage."
            ),
            "objectives": [
                "Understand what high-value patents are, how they are assessed and the policy behind them",
                "Know the essentials of invention harvesting and claim drafting, and spot and correct common drafting flaws",
                "Plan a patent portfolio and choose sensibly between PCT and Paris Convention routes abroad",
            ],
        },
        "lessons": [
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "什么是高价值专利",
                    "body": [
                        ("heading", "高价值专利的内涵"),
                        ("text", "高价值专利一般是指技术含量高、法律状态稳定、保护范围合理、市场前景好的专利，"
                                 "它能够为权利人带来实际的竞争优势或经济收益。衡量专利价值通常从技术、法律、经济三个维度进行："
                                 "技术维度看先进性和不可替代性，法律维度看稳定性和保护范围，经济维度看市场规模和实施情况。"),
                        ("text", "在政策层面，国家知识产权规划将“每万人口高价值发明专利拥有量”列为重要指标，其统计口径包括："
                                 "战略性新兴产业的发明专利、在海外有同族专利权的发明专利、维持年限超过10年的发明专利、"
                                 "实现较高质押融资金额的发明专利，以及获得国家科学技术奖或中国专利奖的发明专利。"
                                 "这一口径是统计意义上的，具体专利的价值仍需个案分析。"),
                        ("heading", "从重数量到重质量"),
                        ("text", "过去一些单位片面追求专利数量，导致大量专利从未实施，授权后不久便因不缴年费而失效。"
                                 "近年来政策导向已明确从数量转向质量，不再简单以申请量、授权量作为考核指标，并严厉打击非正常专利申请。"
                                 "有关部门还推动高校建立专利申请前评估制度，从源头上少而精地布局。"),
                        ("case", {
                            "title": "高价值专利是选出来的",
                            "text": "一所地方高校过去每年申请数百件专利，但实现许可转让的不到百分之一。学校建立了专利申请前评估制度："
                                    "发明人披露成果后，由技术经理人和专利代理师从创新性、市场前景和可保护性三方面打分，"
                                    "评分较低的成果不以学校名义申请，或改为以论文形式公开。两年后，申请量下降了约四成，"
                                    "许可转让的数量和金额却明显上升。启示：高价值专利首先是“选”出来的，而不是“数”出来的。",
                        }),
                    ],
                },
                "en": {
                    "title": "What Makes a Patent High-Value",
                    "body": [
                        ("heading", "The meaning of high value"),
                        ("text", "A high-value patent is generally one with substantial technical content, a stable legal position, a "
                                 "well-judged scope of protection and good market prospects, which gives its owner a real "
                                 "competitive advantage or income. Patent value is usually assessed along three dimensions: "
                                 "technical (how advanced and how hard to replace), legal (robustness and scope) and economic "
                                 "(market size and actual use)."),
                        ("text", "At the policy level, China's national IP plan uses \"high-value invention patents per 10,000 people\" "
                                 "as a key indicator. It counts invention patents in strategic emerging industries, those with "
                                 "granted family members abroad, those maintained for more than ten years, those that have secured "
                                 "substantial pledge financing, and those that have won a National Science and Technology Award or "
                                 "the China Patent Award. This is a statistical definition; the value of a particular patent still "
                                 "needs case-by-case analysis."),
                        ("heading", "From quantity to quality"),
                        ("text", "In the past some institutions chased patent numbers, leaving many patents never used and soon "
                                 "abandoned for unpaid fees. Policy has now clearly shifted from quantity to quality: filing and grant "
                                 "numbers are no longer simple performance targets, and abnormal filings are firmly suppressed. The "
                                 "authorities have also pushed universities to assess inventions before filing, so that they file "
                                 "fewer, better patents from the outset."),
                        ("case", {
                            "title": "High-value patents are selected",
                            "text": "A regional university used to file hundreds of patents a year, yet fewer than one in a hundred "
                                    "was ever licensed or sold. It introduced a pre-filing assessment: after disclosure, a technology "
                                    "manager and a patent attorney score each invention on novelty, market prospects and "
                                    "protectability, and low scorers are not filed in the university's name or are published as "
                                    "papers instead. Two years later filings were down by about 40%, while the number and value of "
                                    "licences and sales had risen markedly. Lesson: high-value patents are selected, not counted.",
                        }),
                    ],
                },
            },
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "从源头培育：专利挖掘与权利要求撰写",
                    "body": [
                        ("heading", "专利挖掘"),
                        ("text", "专利挖掘是从研发成果中识别可以申请专利的技术方案，并围绕核心发明拓展保护的过程。一项研究成果往往包含多个层次的创新："
                                 "核心的产品或材料、制备方法、专用设备、应用场景和改进方案。技术经理人和专利代理师应与发明人深入交流，"
                                 "追问“还有哪些替代方案也能达到同样效果”，把这些方案也纳入保护，防止竞争者轻易绕开。"),
                        ("text", "挖掘时还要考虑侵权发现和举证的难易。例如，一种只在工厂内部使用的制造方法，即使获得专利，"
                                 "权利人也很难发现和证明他人侵权；而体现在产品结构或成分上的特征则便于检测。因此，条件允许时应优先以产品权利要求保护，"
                                 "对于难以发现侵权的工艺，也可以考虑作为技术秘密保护。"),
                        ("heading", "权利要求的撰写"),
                        ("text", "权利要求书决定专利的保护范围，是专利价值的核心。独立权利要求应当在现有技术的基础上合理概括，"
                                 "只记载解决技术问题的必要技术特征，避免写入非必要的限定；从属权利要求则应形成多层次的“退守阵地”，"
                                 "以便在无效程序中有修改余地。说明书要充分公开，并提供足够的实施例来支持较宽的权利要求。"),
                        ("text", "高校专利常见的撰写问题包括：照搬论文中的实验条件作为必要技术特征，导致保护范围过窄；实施例单一，"
                                 "难以支持概括性的权利要求；在申请专利前就发表论文或会议报告，使自己的成果变成现有技术。"
                                 "技术经理人应推动“先申请、后发表”，并为发明人与代理师的沟通预留充足时间。"),
                        ("case", {
                            "title": "保护发明构思，而不是一次实验",
                            "text": "某大学研发了一种锂电池电解液添加剂，专利权利要求中将添加剂含量限定为一个具体数值，"
                                    "而这正是论文中的最佳实验值。产品上市后，一家竞争企业采用略低的含量生产出效果相近的产品，"
                                    "学校和被许可方主张侵权时面临很大困难。若当初以合理的含量范围撰写权利要求，并用多个实施例加以支持，"
                                    "就能有效覆盖这类替代方案。启示：权利要求要保护的是发明构思，而不是某一次实验的数据。",
                        }),
                    ],
                },
                "en": {
                    "title": "Building Value at the Source: Harvesting and Claim Drafting",
                    "body": [
                        ("heading", "Invention harvesting"),
                        ("text", "Invention harvesting means identifying the patentable solutions in research results and extending "
                                 "protection around the core invention. A single research result often contains several layers of "
                                 "innovation: the core product or material, the method of making it, dedicated equipment, "
                                 "applications and improvements. Technology managers and patent attorneys should talk in depth with "
                                 "the inventors, ask what other approaches would achieve the same effect, and protect those as well "
                                 "so that competitors cannot easily design around."),
                        ("text", "Think also about how infringement would be detected and proved. A manufacturing method used only "
                                 "inside a factory may be patented, yet infringement is hard to discover and prove, whereas features "
                                 "in a product's structure or composition are easy to test. Where possible, prefer product claims; "
                                 "for processes where infringement would be hard to detect, consider keeping them as trade secrets."),
                        ("heading", "Drafting the claims"),
                        ("text", "The claims define the scope of protection and are the heart of a patent's value. The independent "
                                 "claim should generalise sensibly over the prior art and contain only the features essential to "
                                 "solving the technical problem, with no unnecessary limitations. Dependent claims should build "
                                 "several fallback positions that leave room for amendment in invalidation proceedings. The "
                                 "description must disclose the invention fully, with enough examples to support broad claims."),
                        ("text", "Common drafting flaws in university patents include copying the experimental conditions of a paper "
                                 "into the claims as essential features, which makes the scope too narrow; a single example that "
                                 "cannot support general claims; and publishing a paper or conference talk before filing, which turns "
                                 "one's own work into prior art. Technology managers should insist on filing before publishing and "
                                 "leave enough time for inventors and attorneys to work together."),
                        ("case", {
                            "title": "Protect the idea, not one experiment",
                            "text": "A university developed an electrolyte additive for lithium batteries, and the patent claim fixed "
                                    "the additive content at one specific value, the optimum from the paper. After launch, a "
                                    "competitor used a slightly lower content and made a product that worked almost as well, and the "
                                    "university and its licensee found it very hard to assert infringement. Claims drafted with a "
                                    "reasonable range, supported by several examples, would have covered such alternatives. Lesson: "
                                    "claims should protect the inventive concept, not the data from one experiment.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "专利组合与国际布局",
                    "body": [
                        ("heading", "构建专利组合"),
                        ("text", "单件专利的保护往往有限，高价值通常体现在专利组合上。完善的组合一般包括覆盖核心技术的基础专利、"
                                 "围绕基础专利的改进专利和外围专利，以及覆盖上下游应用的专利。组合的价值在于形成相互支撑的保护网："
                                 "即使某件专利被宣告无效或被规避，整体保护仍然有效，在许可谈判中也更有议价能力。"),
                        ("text", "与技术标准结合是提升专利价值的重要途径。被纳入技术标准且为实施标准所必需的专利称为标准必要专利，"
                                 "其权利人通常需要承诺按照公平、合理、无歧视（FRAND）的条件进行许可。在通信、音视频编码等标准化程度高的领域，"
                                 "参与标准制定并同步布局专利，是获得长期许可收益的主要方式。"),
                        ("heading", "国际布局的路径"),
                        ("text", "专利具有地域性，要在其他国家获得保护，必须在当地取得专利。主要途径有两条：一是依据《巴黎公约》，"
                                 "自首次申请之日起12个月内（发明和实用新型）向其他成员国提出申请并要求优先权；"
                                 "二是通过《专利合作条约》（PCT）提交国际申请，一般可在自优先权日起30个月左右进入各国国家阶段，"
                                 "为评估市场和筹措资金争取时间。"),
                        ("text", "国际布局费用高昂，应当有选择地进行，优先考虑目标市场、主要竞争者所在地和主要制造地。"
                                 "高校和科研院所可以先提交PCT申请，在进入国家阶段前寻找被许可方，由被许可方承担或分担海外申请费用。"
                                 "还要记住，在中国完成的发明或实用新型向外国申请专利前，须先通过保密审查。"),
                        ("case", {
                            "title": "国际布局的窗口期",
                            "text": "一家研究院研发的新型储能材料在国内获得授权后，团队希望在欧美寻找被许可方。由于当初既未提交PCT申请，"
                                    "也未在优先权期限内向国外申请，而国内申请早已公开，海外已无法再获得保护。"
                                    "吸取教训后，团队的一项后续改进技术在首次申请后即提交了PCT申请，并在进入国家阶段前与一家欧洲企业达成许可，"
                                    "由对方承担欧洲和美国的申请费用。启示：国际布局的窗口期有限，应在首次申请时就纳入决策。",
                        }),
                    ],
                },
                "en": {
                    "title": "Patent Portfolios and International Filing",
                    "body": [
                        ("heading", "Building a portfolio"),
                        ("text", "A single patent offers limited protection; high value usually lies in a portfolio. A well-built "
                                 "portfolio typically includes basic patents on the core technology, improvement and peripheral "
                                 "patents around them, and patents on upstream and downstream applications. Its value is a mutually "
                                 "supporting web of protection: even if one patent is invalidated or designed around, the whole still "
                                 "holds, and it carries more weight in licence negotiations."),
                        ("text", "Linking patents to technical standards is an important way to add value. Patents included in a "
                                 "standard and necessary to implement it are called standard-essential patents, and their owners "
                                 "usually have to commit to licensing on fair, reasonable and non-discriminatory (FRAND) terms. In "
                                 "highly standardised fields such as telecommunications and audio and video coding, taking part in "
                                 "standard setting while building a patent position is the main route to long-term licensing income."),
                        ("heading", "Routes abroad"),
                        ("text", "Patents are territorial; to be protected in another country you need a patent there. There are two "
                                 "main routes. Under the Paris Convention, you can file in other member states within 12 months of "
                                 "the first filing (for inventions and utility models) and claim priority. Through the Patent "
                                 "Cooperation Treaty (PCT), an international application can generally enter national phases about "
                                 "30 months from the priority date, buying time to assess markets and raise money."),
                        ("text", "International filing is expensive and should be selective, favouring target markets, the home "
                                 "countries of main competitors and the main manufacturing locations. Universities and institutes can "
                                 "file a PCT application first and look for licensees before the national phase, so that the "
                                 "licensee pays or shares the foreign filing costs. And remember: an invention or utility model "
                                 "completed in China must pass a secrecy review before it is filed abroad."),
                        ("case", {
                            "title": "The window for going abroad",
                            "text": "After a research institute's new energy storage material was patented in China, the team wanted "
                                    "licensees in Europe and the United States. But it had neither filed a PCT application nor filed "
                                    "abroad within the priority year, and the Chinese application had long been published, so "
                                    "protection abroad was no longer possible. Having learned the lesson, the team filed a PCT "
                                    "application right after the first filing for a follow-on improvement and, before the national "
                                    "phase, licensed it to a European company that paid for the European and US filings. Lesson: the "
                                    "window for international protection is short, so decide on it when you first file.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ I-11
    {
        "code": "I-11",
        "module": "capability",
        "delivery": "offline",
        "hours": 8,
        "instructors": ["chen", "wang"],
        "zh": {
            "title": "毕业案例分析报告",
            "summary": (
                "学员选择一个真实或模拟的科技成果转化项目，综合运用中级课程所学完成案例分析报告，并在线下答辩中陈述和论证转化方案。"
            ),
            "objectives": [
                "综合运用评估、尽调、许可设计和路径选择等工具，对一个转化项目进行完整分析",
                "掌握案例分析报告的结构和写作规范，做到论点明确、依据充分、数据可靠",
                "能够在答辩中清晰陈述转化方案并回应质询，通过同行评议反思和改进自己的分析",
            ],
        },
        "en": {
            "title": "Capstone Case Report",
            "summary": (
                "Trainees choose a real or simulated commercialisation project, apply what they learned across the "
                "intermediate courses in a case report, and present and defend their plan at an in-person review."
            ),
            "objectives": [
                "Apply valuation, due diligence, licence design and path selection to a complete analysis of one project",
                "Write a case report with a clear structure, well-supported arguments and reliable data",
                "Present a commercialisation plan clearly, answer questions, and learn from peer review",
            ],
        },
        "lessons": [
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "选题与分析框架",
                    "body": [
                        ("heading", "选择合适的案例"),
                        ("text", "毕业案例分析报告要求学员选择一个具体的科技成果转化项目，完成从成果评估到转化方案设计的完整分析。"
                                 "案例可以是学员所在单位正在推进的项目、已完成项目的复盘，也可以使用课程提供的模拟案例。"
                                 "好的选题应当资料相对充分、问题具有代表性，并且学员能够接触到关键资料和当事人。"),
                        ("text", "使用真实项目时必须遵守保密要求。涉及未公开的技术细节、交易价格和合作方信息的，应事先征得单位同意，"
                                 "并对敏感信息进行脱敏处理，例如以代称替代单位和企业名称、以区间代替具体金额。"
                                 "报告中的所有数据都应注明来源，不得编造。"),
                        ("heading", "分析框架"),
                        ("text", "建议按照“技术、权利、市场、路径、方案”的逻辑组织分析：技术方面评估原理、成熟度和竞争优势；"
                                 "权利方面梳理权属、专利状态和自由实施风险；市场方面分析应用场景、潜在客户和竞争格局；"
                                 "路径方面比较许可、转让、作价投资等方式的可行性；最后提出包含价格区间、交易结构、风险应对和实施计划的完整方案。"),
                        ("case", {
                            "title": "把分析工具真正用起来",
                            "text": "一位来自医学院的学员以本单位一项手术器械改进技术为案例。初稿主要介绍技术原理和临床优势，"
                                    "转化方案只有一句“寻求企业许可”。导师指出，报告缺少对权属、注册审批周期和潜在被许可方的分析。"
                                    "学员补充调研后发现，该器械需要按较高管理类别申请医疗器械注册，小企业难以承担，"
                                    "于是把目标对象调整为已有同类产品注册证的企业，方案的可行性大为提高。"
                                    "启示：案例报告的价值在于把课程中的分析工具真正用到具体项目上。",
                        }),
                    ],
                },
                "en": {
                    "title": "Choosing a Case and an Analytical Framework",
                    "body": [
                        ("heading", "Choosing a suitable case"),
                        ("text", "The capstone report asks you to take one concrete commercialisation project and analyse it end to "
                                 "end, from assessing the result to designing the deal. The case may be a project your institution "
                                 "is pursuing, a review of a completed one, or a simulated case provided by the course. A good "
                                 "choice has reasonably complete information, raises representative issues, and gives you access to "
                                 "the key documents and people."),
                        ("text", "Real projects bring confidentiality obligations. Where unpublished technical details, prices or "
                                 "partner information are involved, get your institution's consent first and de-identify sensitive "
                                 "information, for example by using code names for institutions and companies and ranges instead of "
                                 "exact amounts. Every figure in the report must cite its source; nothing may be invented."),
                        ("heading", "An analytical framework"),
                        ("text", "We suggest organising the analysis as technology, rights, market, path and plan. For the technology, "
                                 "assess the principle, maturity and competitive edge; for rights, ownership, patent status and "
                                 "freedom to operate; for the market, applications, potential customers and competition; for the "
                                 "path, the feasibility of licensing, assignment, equity and other routes. Finish with a complete "
                                 "plan covering a price range, deal structure, risk responses and an implementation schedule."),
                        ("case", {
                            "title": "Putting the tools to work",
                            "text": "A trainee from a medical school chose an improved surgical instrument from her own institution. "
                                    "Her first draft described the principle and clinical advantages at length, and the plan was a "
                                    "single line: seek a licensee. Her tutor pointed out that ownership, the time needed for "
                                    "regulatory registration and potential licensees were all missing. Further research showed that "
                                    "the device would need registration in a higher risk class, which small firms could not afford, "
                                    "so she retargeted companies already holding registrations for similar products, and the plan "
                                    "became far more feasible. Lesson: the point of the report is to apply the course's tools to a "
                                    "real project.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "报告撰写规范与评分要点",
                    "body": [
                        ("heading", "报告的结构"),
                        ("text", "报告一般包括：摘要，用一页篇幅概括项目、核心发现和建议；项目背景，介绍技术来源和团队；"
                                 "分析部分，依次展开技术、知识产权、市场和路径分析；转化方案，包括交易结构、定价依据、合同要点和实施计划；"
                                 "风险与对策；结论与反思。篇幅以课程要求为准，数据表格和检索结果可以放在附件中。"),
                        ("text", "写作上要做到论点明确、论据充分。每个判断都应有依据支撑，例如定价建议要展示所用的评估方法、"
                                 "关键参数及其来源和敏感性分析；路径选择要说明为什么放弃其他方案。避免大段摘抄政策原文和教材内容，"
                                 "评审更关注学员针对具体项目的分析和判断。"),
                        ("heading", "评分要点"),
                        ("text", "评审主要从四个方面评价报告：分析的完整性，是否覆盖了技术、权利、市场和路径等关键维度；"
                                 "方法的正确性，是否恰当运用了评估、尽调、许可设计等工具；方案的可行性，建议是否具体、可操作并兼顾各方利益；"
                                 "表达的规范性，结构是否清晰、数据来源是否可靠。"),
                        ("text", "报告引用的政策依据应当是现行有效的规定，并注意区分国家政策和地方政策。对于仍在试点阶段的做法，"
                                 "例如职务科技成果赋权，应说明案例所在单位是否属于试点范围或已有相应的内部制度，"
                                 "不能把试点政策当作普遍适用的规则。"),
                        ("case", {
                            "title": "过程比结论更重要",
                            "text": "一位学员在报告中为某项环保技术给出了3000万元的转让建议价，依据只有“参考同类技术”。"
                                    "评审专家要求说明可比交易的来源和调整过程，学员无法回答，报告被要求修改。修改稿采用提成率法测算，"
                                    "列出了销量预测、提成率和折现率的依据，并用两笔公开的可比交易校验，价格区间调整为1800万至2500万元，"
                                    "获得了评审认可。启示：结论本身不是重点，得出结论的过程才体现专业能力。",
                        }),
                    ],
                },
                "en": {
                    "title": "Writing the Report and How It Is Assessed",
                    "body": [
                        ("heading", "Structure of the report"),
                        ("text", "A report usually contains: a one-page summary of the project, key findings and recommendations; "
                                 "background on the source of the technology and the team; the analysis of technology, IP, market "
                                 "and paths; the commercialisation plan, with deal structure, pricing basis, key contract terms and "
                                 "implementation schedule; risks and responses; and conclusions and reflections. Follow the course's "
                                 "length requirements and put data tables and search results in annexes."),
                        ("text", "Make clear arguments and back them up. Every judgement needs support: a pricing recommendation "
                                 "should show the valuation method, the key parameters and their sources, and a sensitivity "
                                 "analysis; a choice of path should explain why the alternatives were rejected. Avoid long passages "
                                 "copied from policy documents or textbooks; assessors care about your analysis of and judgement on "
                                 "the specific project."),
                        ("heading", "Assessment criteria"),
                        ("text", "Reports are assessed on four criteria: completeness, meaning whether the key dimensions of "
                                 "technology, rights, market and path are covered; method, meaning whether valuation, diligence, "
                                 "licence design and other tools are used correctly; feasibility, meaning whether the "
                                 "recommendations are concrete, workable and fair to all parties; and presentation, meaning a clear "
                                 "structure and reliable sources."),
                        ("text", "Cite policy that is currently in force, and distinguish national from local rules. For practices "
                                 "still being piloted, such as vesting ownership of employee inventions in researchers, state "
                                 "whether the institution in your case is a pilot institution or has its own rules; do not treat a "
                                 "pilot policy as a rule that applies everywhere."),
                        ("case", {
                            "title": "The process matters more than the answer",
                            "text": "A trainee proposed a sale price of 30 million yuan for an environmental technology, justified "
                                    "only by \"reference to similar technologies\". Asked by the assessors where the comparable deals "
                                    "came from and how they had been adjusted, he could not answer, and the report was sent back. The "
                                    "revision used relief from royalty, set out the basis for the sales forecast, royalty rate and "
                                    "discount rate, checked the result against two published comparable deals, and arrived at a "
                                    "range of 18 to 25 million yuan, which the assessors accepted. Lesson: the conclusion matters "
                                    "less than how you reach it; that is where professional skill shows.",
                        }),
                    ],
                },
            },
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "线下答辩与同行评议",
                    "body": [
                        ("heading", "答辩的准备"),
                        ("text", "毕业答辩以线下方式进行，每位学员有约15分钟陈述和10分钟问答时间。陈述不是逐页朗读报告，"
                                 "而应像向单位决策层或投资人汇报一样，聚焦项目价值、关键风险和推荐方案。"
                                 "建议准备10页左右的演示材料，在第一页就给出核心结论。"),
                        ("text", "问答环节中，评审专家通常会追问报告中最薄弱的环节，例如定价假设、权属瑕疵或市场验证。"
                                 "回答时应先直接回应问题，再说明依据；对于确实没有考虑到的问题，坦诚承认并说明将如何补充，"
                                 "比含糊其辞更能体现专业素养。"),
                        ("heading", "同行评议与复盘"),
                        ("text", "答辩分组进行，每位学员还需对同组其他学员的报告进行书面点评，并提出至少一条改进建议。"
                                 "同行评议让学员从评审者的角度审视案例分析，也能了解不同行业、不同类型单位的转化实践。"
                                 "答辩结束后，学员应根据评审意见修改报告并提交终稿，终稿是取得中级证书的依据之一。"),
                        ("case", {
                            "title": "站在交易对方的角度",
                            "text": "在一次答辩中，一位来自企业研发部门的学员提出，将某高校的一项防腐涂料技术以全领域独占许可的方式引入本企业。"
                                    "同组一位在高校技术转移中心工作的学员点评指出，该技术在船舶防污领域同样有价值，"
                                    "建议按领域许可，既兼顾高校的利益，也能降低企业需要支付的许可费。该学员采纳建议修改了方案。"
                                    "启示：站在交易对方的角度思考，往往能找到让交易更容易达成的方案。",
                        }),
                    ],
                },
                "en": {
                    "title": "The In-Person Defence and Peer Review",
                    "body": [
                        ("heading", "Preparing for the defence"),
                        ("text", "The final defence takes place in person. Each trainee has about 15 minutes to present and 10 minutes "
                                 "for questions. Do not read the report page by page; present as you would to your institution's "
                                 "leadership or to investors, focusing on the project's value, the key risks and your recommended "
                                 "plan. Prepare about ten slides and state your main conclusion on the first one."),
                        ("text", "In the question round, assessors usually probe the weakest part of the report, such as pricing "
                                 "assumptions, defects in title or market validation. Answer the question directly first, then give "
                                 "your reasons. If you really did not consider something, saying so frankly and explaining how you "
                                 "would address it shows more professionalism than evasion."),
                        ("heading", "Peer review and reflection"),
                        ("text", "Defences are held in groups, and each trainee also writes comments on the reports of others in the "
                                 "group, with at least one suggestion for improvement. Peer review lets you look at case analysis "
                                 "from the assessor's side and learn how commercialisation works in other industries and types of "
                                 "institution. After the defence, revise your report in light of the comments and submit the final "
                                 "version, which is one of the requirements for the intermediate certificate."),
                        ("case", {
                            "title": "Seeing the deal from the other side",
                            "text": "At one defence, a trainee from a company's R&D department proposed bringing a university's "
                                    "anti-corrosion coating into his company under an exclusive licence covering all fields. A "
                                    "fellow trainee who works in a university technology transfer centre pointed out that the "
                                    "technology was also valuable for marine antifouling, and suggested licensing by field, which "
                                    "would respect the university's interests and lower the fee his company would pay. He took the "
                                    "advice and revised his plan. Lesson: looking at the deal from the other side's point of view "
                                    "often reveals a plan that is easier to agree.",
                        }),
                    ],
                },
            },
        ],
    },
]
