"""Primary-level (初级) demo curriculum: real lesson text in Chinese and English."""

COURSES = [
    # ------------------------------------------------------------------ P-01
    {
        "code": "P-01",
        "module": "general",
        "delivery": "online",
        "hours": 4,
        "instructors": ["chen"],
        "zh": {
            "title": "技术转移概论",
            "summary": "系统介绍技术转移与科技成果转化的基本概念、主要模式和参与主体，帮助学员建立对技术转移工作和技术经理人职业的整体认识。",
            "objectives": [
                "理解技术转移、科技成果转化等核心概念及其相互关系",
                "掌握转让、许可、作价投资等主要转化方式的特点与适用情形",
                "认识技术经理人在技术转移全流程中的角色、价值与能力要求",
            ],
        },
        "en": {
            "title": "Introduction to Technology Transfer",
            "summary": "An overview of the core concepts, main models and key players of technology transfer and the "
                       "commercialisation of research results, giving trainees a clear picture of the field and of the "
                       "technology manager's profession.",
            "objectives": [
                "Understand the core concepts of technology transfer and commercialisation and how they relate",
                "Know the features and typical uses of assignment, licensing, equity investment and other transfer "
                "routes",
                "Recognise the role, value and skills of the technology manager across the whole transfer process",
            ],
        },
        "lessons": [
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "技术转移的基本概念",
                    "body": [
                        ("heading", "什么是技术转移"),
                        ("text", "技术转移是指制造某种产品、应用某种工艺或提供某种服务的系统知识，从技术供给方向技术需求方转移的过程。"
                                 "它既包括专利、技术秘密等成果的权利流转，也包括技术知识、经验和人员能力的传递。技术转移的本质，"
                                 "是让知识跨越组织边界，在新的场景中产生经济和社会价值。"),
                        ("text", "在我国的法律和政策语境中，“科技成果转化”是与技术转移密切相关的概念。"
                                 "《中华人民共和国促进科技成果转化法》将其界定为：为提高生产力水平而对科技成果所进行的后续试验、开发、应用、"
                                 "推广直至形成新技术、新工艺、新材料、新产品，发展新产业等活动。简单地说，转化强调成果走向应用的过程，"
                                 "转移强调技术在不同主体之间的流动。"),
                        ("heading", "为什么技术转移并不容易"),
                        ("text", "实验室成果与市场需求之间往往存在明显落差。高校和科研院所的成果多停留在原理验证或样品阶段，"
                                 "而企业需要的是性能稳定、成本可控、能够规模化生产的技术方案。从“做得出来”到“卖得出去”的这段距离，"
                                 "常被形象地称为“死亡之谷”，需要中试熟化、工程化开发和持续投入才能跨越。"),
                        ("text", "信息不对称是另一个重要障碍。成果持有方往往不了解产业的真实需求和价格预期，"
                                 "企业则难以判断一项技术的成熟度和权利状况，双方在估值、风险分担和后续合作方式上容易产生分歧。技术经理人的价值，"
                                 "正是在供需之间建立信任、转换语言、设计交易，从而降低交易成本、提高成功率。"),
                        ("case", {
                            "title": "一项“躺在抽屉里”的专利",
                            "text": "某大学材料学院李老师团队研发出一种低温固化涂层，获得发明专利授权后三年无人问津。"
                                    "学校技术转移中心的技术经理人走访多家涂料企业后发现，企业真正关心的是施工温度和综合成本，"
                                    "而团队的宣传材料通篇在讲微观结构。经理人协助团队补充了中试数据，重写了面向企业的技术说明，"
                                    "半年后促成了一项普通许可。启示：推广成果要用产业的语言讲清楚“能解决什么问题”。",
                        }),
                    ],
                },
                "en": {
                    "title": "Basic Concepts of Technology Transfer",
                    "body": [
                        ("heading", "What is technology transfer?"),
                        ("text", "Technology transfer is the movement of systematic knowledge for making a product, "
                                 "applying a process or delivering a service from those who supply a technology to "
                                 "those who need it. It covers the transfer of rights in results such as patents and "
                                 "know-how, but also the passing on of technical knowledge, experience and people's "
                                 "skills. At heart, it is about carrying knowledge across organisational boundaries so "
                                 "that it creates economic and social value in a new setting."),
                        ("text", "In Chinese law and policy, a closely related concept is the commercialisation "
                                 "(transformation) of scientific and technological achievements. The Law on Promoting "
                                 "the Transformation of Scientific and Technological Achievements defines it as the "
                                 "follow-up testing, development, application and diffusion of S&T results, carried "
                                 "out to raise productivity, up to the point where they become new technologies, "
                                 "processes, materials or products and give rise to new industries. Put simply, "
                                 "commercialisation stresses the journey of a result towards use, while transfer "
                                 "stresses the movement of technology between parties."),
                        ("heading", "Why technology transfer is hard"),
                        ("text", "There is usually a clear gap between laboratory results and market needs. Results "
                                 "from universities and research institutes are often at the proof-of-principle or "
                                 "sample stage, whereas companies need solutions that perform reliably, keep costs "
                                 "under control and can be produced at scale. The distance between 'we can make it' "
                                 "and 'we can sell it' is often called the 'valley of death', and crossing it takes "
                                 "pilot-scale work, engineering development and sustained investment."),
                        ("text", "Information asymmetry is another major obstacle. Owners of results often do not know "
                                 "what industry really needs or what prices to expect, while companies find it hard to "
                                 "judge how mature a technology is and whether its rights are sound. The two sides "
                                 "easily disagree on value, risk sharing and how to work together afterwards. The "
                                 "technology manager adds value precisely by building trust between supply and demand, "
                                 "translating between their languages and designing the deal, which lowers transaction "
                                 "costs and raises the chance of success."),
                        ("case", {
                            "title": "A patent left in the drawer",
                            "text": "Professor Li's team at a university materials school developed a low-temperature "
                                    "curing coating. Three years after the invention patent was granted, nobody had "
                                    "shown interest. The university's technology manager visited several coatings "
                                    "companies and found that what they cared about was application temperature and "
                                    "total cost, while the team's promotional material talked only about "
                                    "microstructure. The manager helped the team add pilot-scale data and rewrite the "
                                    "technical description for industry readers, and within six months a non-exclusive "
                                    "licence was signed. Lesson: promote a result in industry's language and make "
                                    "clear what problem it solves.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "技术转移的主要模式",
                    "body": [
                        ("heading", "常见的转化方式"),
                        ("text", "根据《促进科技成果转化法》，科技成果持有者可以采用下列方式进行转化：自行投资实施转化；向他人转让该科技成果；"
                                 "许可他人使用该科技成果；以该科技成果作为合作条件，与他人共同实施转化；以该科技成果作价投资，"
                                 "折算股份或者出资比例；以及其他协商确定的方式。"),
                        ("text", "转让是将专利权、专利申请权或技术秘密的相关权利整体让与受让方，交易一次完成、权属清晰，"
                                 "适合持有方不打算继续经营该技术的情形。许可则是在保留权利的前提下，允许对方在约定的范围、期限和地域内实施，"
                                 "通常分为独占许可、排他许可和普通许可，持有方可以分行业、分地区向多家企业授权。"),
                        ("heading", "作价投资与合作实施"),
                        ("text", "作价投资是将科技成果折算为股权，投入新设或已有企业，成果持有方和科研人员由此分享企业成长的收益。"
                                 "这种方式适合前景较好但仍需较长开发周期的技术，但涉及估值、股权结构、国有资产管理和人员兼职等问题，操作相对复杂，"
                                 "需要提前做好规划。"),
                        ("text", "合作实施更强调双方的持续投入：企业提供资金、场地和市场渠道，科研团队提供技术和人员支持，"
                                 "共同完成后续开发和产业化。选择哪种方式，要综合考虑技术成熟度、持有方的意愿、受让方的实力，"
                                 "以及各方对风险和收益的偏好，没有放之四海而皆准的答案。"),
                        ("case", {
                            "title": "同一项技术的三条路径",
                            "text": "某研究所开发了一种处理工业废水的高效菌剂。技术经理人分析后提出三套方案：向一家大型环保企业独占许可，"
                                    "获取稳定的入门费和提成；与地方企业合作建设中试线；由团队骨干牵头成立公司，研究所以成果作价入股。"
                                    "研究所最终组合使用：在市政污水领域，以该技术的独占实施权作价入股团队新设的公司；在化工废水领域，"
                                    "向另一家企业发放普通许可。启示：转化方式可以组合使用，关键是划清各方的权利边界。",
                        }),
                    ],
                },
                "en": {
                    "title": "Main Models of Technology Transfer",
                    "body": [
                        ("heading", "Common routes to commercialisation"),
                        ("text", "Under the Law on Promoting the Transformation of S&T Achievements, the holder of a "
                                 "result may commercialise it by investing in and implementing it itself; assigning it "
                                 "to another party; licensing another party to use it; using it as its contribution to "
                                 "joint implementation with others; contributing it as capital in exchange for shares "
                                 "or an equity stake; or by any other means agreed between the parties."),
                        ("text", "An assignment transfers the whole of the rights in a patent, a patent application or "
                                 "know-how to the assignee. The deal is done in one step and ownership is clear, which "
                                 "suits holders that do not plan to keep working with the technology. A licence lets "
                                 "the other party use the technology within an agreed scope, term and territory while "
                                 "the holder keeps the rights. Licences are usually exclusive, sole or non-exclusive, "
                                 "so a holder can license different companies by industry or by region."),
                        ("heading", "Equity investment and joint implementation"),
                        ("text", "In an equity investment, the result is valued and contributed as capital to a new or "
                                 "existing company, so that the holder and the researchers share in the company's "
                                 "growth. This suits promising technologies that still need a long development period, "
                                 "but it raises questions of valuation, shareholding structure, state-owned asset "
                                 "management and staff holding outside posts. It is more complex and needs careful "
                                 "planning."),
                        ("text", "Joint implementation relies on continued input from both sides: the company provides "
                                 "money, premises and market channels, and the research team provides technology and "
                                 "people, and together they complete development and scale-up. Which route to choose "
                                 "depends on the technology's maturity, the holder's wishes, the strength of the "
                                 "recipient and each party's appetite for risk and reward. There is no "
                                 "one-size-fits-all answer."),
                        ("case", {
                            "title": "Three paths for one technology",
                            "text": "A research institute developed a high-efficiency microbial agent for treating "
                                    "industrial wastewater. The technology manager proposed three options: an "
                                    "exclusive licence to a large environmental company for a steady upfront fee and "
                                    "royalties; a pilot line built jointly with a local company; or a start-up led by "
                                    "key team members, with the institute contributing the technology as equity. In "
                                    "the end the institute combined them: in municipal sewage it contributed the "
                                    "exclusive right to use the technology as equity in the team's new company, and in "
                                    "chemical wastewater it granted a non-exclusive licence to another firm. Lesson: "
                                    "routes can be combined, as long as each party's rights are clearly delimited.",
                        }),
                    ],
                },
            },
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "参与主体与技术经理人的角色",
                    "body": [
                        ("heading", "技术转移中的主要参与方"),
                        ("text", "一次完整的技术转移通常涉及多类主体。供给方包括高校、科研院所、企业研发部门和个人发明人；"
                                 "需求方主要是希望改进产品、优化工艺或进入新领域的企业；服务方包括技术转移机构、知识产权代理机构、评估机构、"
                                 "律师事务所、投资机构和技术交易市场等。政府则通过立法、政策和资金引导，营造有利于转化的制度环境。"),
                        ("text", "在高校和科研院所内部，科研人员、成果管理部门、资产管理部门和单位领导各有职责：科研人员最了解技术，"
                                 "管理部门负责程序与合规，领导层承担决策责任。内部协调是否顺畅，直接影响转化效率。"
                                 "许多单位因此设立了专门的技术转移机构，由专业队伍承担成果评价、推广和谈判等工作。"),
                        ("heading", "技术经理人的角色"),
                        ("text", "技术经理人是在技术转移全流程中提供专业服务的人员，工作贯穿成果挖掘、价值评估、知识产权布局、市场推广、交易谈判、"
                                 "合同签订以及转化后的跟踪服务。与只传递信息的中介不同，技术经理人需要同时理解技术、法律、市场和财务，"
                                 "既是多方利益的协调者，也是交易方案的设计者。"),
                        ("text", "优秀的技术经理人通常具备三方面能力：一是技术理解力，能读懂专利和技术文件，判断技术的先进性和适用性；"
                                 "二是商业判断力，能识别市场机会、设计合理的交易结构；三是沟通协调力，能在科研人员、企业和管理部门之间建立信任。"
                                 "初级阶段的学习，重在打牢知识基础、熟悉规范流程。"),
                        ("case", {
                            "title": "从“介绍人”到“操盘手”",
                            "text": "某地技术转移机构的张敏入行时，只是把成果清单群发给企业，成交寥寥。后来她针对一家机械企业的零件磨损难题，"
                                    "梳理了三所高校的相关成果，组织小范围技术对接，协助双方确定了“先以技术服务验证效果、"
                                    "再签许可合同”的合作路径，并全程跟进合同认定登记。项目落地后，这家企业又主动委托她寻找新的合作团队。启示："
                                    "技术经理人的价值在于对流程的全程把控和对双方需求的深入理解。",
                        }),
                    ],
                },
                "en": {
                    "title": "The Players and the Technology Manager's Role",
                    "body": [
                        ("heading", "Who takes part in technology transfer"),
                        ("text", "A complete transfer usually involves several kinds of players. On the supply side "
                                 "are universities, research institutes, corporate R&D departments and individual "
                                 "inventors. On the demand side are mainly companies that want to improve products, "
                                 "optimise processes or enter new fields. Service providers include technology "
                                 "transfer offices, patent agencies, valuation firms, law firms, investors and "
                                 "technology exchanges. Government shapes an environment favourable to "
                                 "commercialisation through legislation, policy and funding."),
                        ("text", "Inside universities and research institutes, researchers, the office managing "
                                 "research results, the asset management office and senior leaders each have their own "
                                 "responsibilities: researchers know the technology best, administrators handle "
                                 "procedure and compliance, and leaders carry the responsibility for decisions. How "
                                 "smoothly they work together directly affects the speed of commercialisation, which "
                                 "is why many institutions have set up dedicated technology transfer offices whose "
                                 "professional staff evaluate, market and negotiate deals."),
                        ("heading", "The role of the technology manager"),
                        ("text", "A technology manager provides professional services throughout the transfer process: "
                                 "identifying results, assessing their value, shaping the IP portfolio, marketing, "
                                 "negotiating, concluding contracts and following up after the deal. Unlike an "
                                 "intermediary who merely passes on information, a technology manager must understand "
                                 "technology, law, markets and finance at the same time, acting both as a broker "
                                 "between several parties' interests and as the designer of the deal."),
                        ("text", "Good technology managers usually combine three abilities: technical understanding, "
                                 "to read patents and technical documents and judge how advanced and applicable a "
                                 "technology is; business judgement, to spot market opportunities and design sensible "
                                 "deal structures; and communication skills, to build trust among researchers, "
                                 "companies and administrators. At the primary level, the focus is on a solid "
                                 "knowledge base and familiarity with standard procedures."),
                        ("case", {
                            "title": "From go-between to deal-maker",
                            "text": "When Zhang Min joined a local technology transfer agency, she simply mass-mailed "
                                    "lists of results to companies, with few deals to show for it. Later, faced with a "
                                    "machinery company's problem of part wear, she reviewed relevant results from "
                                    "three universities, organised a small matchmaking session and helped the two "
                                    "sides agree a path of first proving the effect under a technical service contract "
                                    "and then signing a licence. She also saw the contract through registration. Once "
                                    "the project was running, the company came back and asked her to find new "
                                    "partners. Lesson: a technology manager's value lies in steering the whole process "
                                    "and understanding both sides' needs in depth.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ P-02
    {
        "code": "P-02",
        "module": "general",
        "delivery": "online",
        "hours": 4,
        "instructors": ["chen", "wang"],
        "zh": {
            "title": "国家技术转移体系与技术市场",
            "summary": "介绍我国国家技术转移体系的总体框架、技术市场的构成与运行方式，以及各类技术转移机构和服务资源的功能定位。",
            "objectives": [
                "了解国家技术转移体系建设的政策脉络和主要组成",
                "熟悉技术交易市场、技术合同登记等制度的功能与作用",
                "能够为具体项目选择合适的对接渠道和专业服务资源",
            ],
        },
        "en": {
            "title": "China's Technology Transfer System and Markets",
            "summary": "An introduction to the overall framework of China's national technology transfer system, how "
                       "technology markets are organised and operate, and what the various transfer institutions and "
                       "service providers do.",
            "objectives": [
                "Understand the policy background and main building blocks of the national technology transfer system",
                "Know the functions of technology exchanges, contract registration and related institutions",
                "Choose suitable channels and professional services for a given project",
            ],
        },
        "lessons": [
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "国家技术转移体系的总体框架",
                    "body": [
                        ("heading", "体系建设的政策脉络"),
                        ("text", "改革开放以来，我国逐步建立了以技术市场为核心的技术转移制度。二十世纪八十年代，国家推动科技体制改革，"
                                 "开放技术市场，承认技术是商品、可以有偿转让；此后相继出台技术合同、科技成果转化、知识产权等方面的法律法规，"
                                 "为技术的合法流动提供了制度保障。"),
                        ("text", "2017年，国务院印发《国家技术转移体系建设方案》，提出构建结构合理、功能完善、体制健全、"
                                 "运行高效的国家技术转移体系。方案从优化基础架构、拓宽转移通道、完善支撑保障三个方面作出部署，"
                                 "并提出了分阶段的建设目标，是当前开展技术转移工作的重要政策依据。"),
                        ("heading", "体系的主要组成"),
                        ("text", "基础架构主要包括技术市场、技术转移机构和技术转移人才队伍：技术市场提供交易场所和规则，技术转移机构提供专业服务，"
                                 "人才队伍则是体系运转的核心力量。方案特别强调加强技术转移人才培养，推动技术转移从业人员的职业化、专业化发展。"),
                        ("text", "转移通道涵盖产学研协同、区域技术转移、国际技术转移以及军民科技成果双向转化等方向；支撑保障则包括知识产权保护、"
                                 "科技金融、政策激励和信用体系等内容。各部分相互衔接，共同推动技术从研发端顺畅地流向产业端。"),
                        ("case", {
                            "title": "一次跨区域的技术对接",
                            "text": "东部某高校研发的智能灌溉控制技术，在当地一直找不到合适的应用企业。通过区域性技术转移平台的信息共享，"
                                    "项目被推送给西北地区的一家农业装备企业。双方经过线上路演和实地考察，签订了技术许可合同，"
                                    "并在当地合作建设示范基地，技术很快在大田节水灌溉中得到应用。启示：体系化的转移通道能够打破地域局限，"
                                    "让技术找到最需要它的市场。",
                        }),
                    ],
                },
                "en": {
                    "title": "The National Technology Transfer System: An Overview",
                    "body": [
                        ("heading", "The policy background"),
                        ("text", "Since the start of reform and opening-up, China has gradually built a technology "
                                 "transfer regime centred on the technology market. In the 1980s, reform of the "
                                 "science and technology system opened the technology market and recognised technology "
                                 "as a commodity that could be transferred for payment. Laws and regulations on "
                                 "technology contracts, the commercialisation of S&T results and intellectual property "
                                 "followed, giving the lawful movement of technology an institutional footing."),
                        ("text", "In 2017 the State Council issued the Plan for Building the National Technology "
                                 "Transfer System, which calls for a system that is well structured, fully functional, "
                                 "soundly governed and efficient. The plan sets out measures in three areas, namely "
                                 "optimising the basic architecture, widening transfer channels and strengthening "
                                 "support, together with phased targets. It remains an important policy reference for "
                                 "technology transfer work today."),
                        ("heading", "The main building blocks"),
                        ("text", "The basic architecture consists of the technology market, technology transfer "
                                 "institutions and the technology transfer workforce. The market provides venues and "
                                 "rules for trading, institutions provide professional services, and people are what "
                                 "makes the system work. The plan places particular emphasis on training technology "
                                 "transfer professionals and on making the occupation more professional."),
                        ("text", "Transfer channels include university-industry collaboration, transfer between "
                                 "regions, international technology transfer and two-way transfer between civilian and "
                                 "defence sectors. Support measures include IP protection, technology finance, policy "
                                 "incentives and the credit system. Together these parts help technology flow smoothly "
                                 "from research to industry."),
                        ("case", {
                            "title": "Matchmaking across regions",
                            "text": "A university in eastern China had developed a smart irrigation control technology "
                                    "but could not find a local company to apply it. Through information sharing on a "
                                    "regional technology transfer platform, the project was presented to an "
                                    "agricultural machinery company in the north-west. After an online pitch and a "
                                    "site visit, the two sides signed a licence and jointly set up a demonstration "
                                    "base, and the technology was soon used for water-saving irrigation in the fields. "
                                    "Lesson: well-organised transfer channels overcome geographical limits and help a "
                                    "technology find the market that needs it most.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "技术市场的构成与运行",
                    "body": [
                        ("heading", "技术市场的主要形态"),
                        ("text", "技术市场是技术作为商品进行交换的场所和交易关系的总和，既包括技术交易所、产权交易机构等有形市场，"
                                 "也包括线上技术交易平台、成果发布会、技术对接会等多种形式。近年来，全国技术合同成交额持续快速增长，"
                                 "已达到数万亿元的规模，技术市场在国家创新体系中的作用日益突出。"),
                        ("text", "技术交易机构一般提供成果挂牌、信息发布、竞价拍卖、交易鉴证和资金结算等服务。"
                                 "对于国家设立的研究开发机构和高等院校，在技术交易市场挂牌交易、拍卖是法律明确认可的定价方式，"
                                 "有助于形成公开透明的价格，降低单位在定价决策中的风险。"),
                        ("heading", "技术合同登记与统计"),
                        ("text", "技术合同认定登记是技术市场管理的一项基础制度。经认定登记的技术开发、转让、许可、咨询和服务合同，"
                                 "可以依法申请享受相应的税收优惠，也是单位核算成果转化收入、发放奖励的重要依据。"
                                 "认定登记由各地科技管理部门设立或指定的技术合同登记机构负责办理。"),
                        ("text", "技术合同登记数据也是观察地区创新活力的重要指标。通过分析成交额的来源、流向和技术领域，"
                                 "管理部门可以掌握技术输出和吸纳的格局，为政策制定提供依据。对技术经理人而言，熟悉登记流程、"
                                 "及时提醒当事人办理登记，是日常工作的一项基本功。"),
                        ("case", {
                            "title": "挂牌交易化解定价顾虑",
                            "text": "某研究院拟将一项电池材料专利转让给一家企业，双方已初步商定价格，但院领导担心日后被质疑“低价转让”。"
                                    "技术经理人建议将该专利在技术交易机构公开挂牌，设置合理的挂牌期。挂牌期内没有出现其他意向受让方，"
                                    "最终按挂牌价格成交，全部过程留有记录。启示：公开规范的交易程序既能发现价格，也能为单位和决策者提供保护。",
                        }),
                    ],
                },
                "en": {
                    "title": "How Technology Markets Are Organised",
                    "body": [
                        ("heading", "Forms of the technology market"),
                        ("text", "The technology market is the sum of the venues and transactions through which "
                                 "technology is exchanged as a commodity. It includes physical markets such as "
                                 "technology exchanges and property rights exchanges, as well as online trading "
                                 "platforms, results fairs and matchmaking events. Contract turnover in China's "
                                 "technology market has grown rapidly in recent years and now runs to several trillion "
                                 "yuan a year, and the market plays an increasingly important part in the national "
                                 "innovation system."),
                        ("text", "Technology exchanges typically offer listing of results, publication of information, "
                                 "auctions and competitive bidding, transaction certification and payment settlement. "
                                 "For research institutes and universities established by the state, listing on a "
                                 "technology exchange and auction are pricing methods expressly recognised by law. "
                                 "They help produce open, transparent prices and reduce the institution's risk when "
                                 "deciding on a price."),
                        ("heading", "Contract registration and statistics"),
                        ("text", "The recognition and registration of technology contracts is a basic institution of "
                                 "technology market governance. Registered contracts for technology development, "
                                 "assignment, licensing, consulting and services can be used to apply for the tax "
                                 "benefits provided by law, and they are an important basis for institutions to "
                                 "account for commercialisation income and pay rewards. Registration is handled by "
                                 "contract registration offices set up or designated by local science and technology "
                                 "authorities."),
                        ("text", "Registration data are also a useful indicator of a region's innovative vitality. By "
                                 "analysing where turnover comes from, where it goes and which technical fields it "
                                 "covers, authorities can map the pattern of technology outflows and inflows and base "
                                 "their policies on evidence. For technology managers, knowing the registration "
                                 "procedure and reminding the parties to register on time is a basic part of the job."),
                        ("case", {
                            "title": "Listing a patent to settle pricing worries",
                            "text": "A research institute planned to assign a battery-materials patent to a company, "
                                    "and the two sides had roughly agreed a price. The institute's leaders, however, "
                                    "worried that they might later be accused of selling too cheaply. The technology "
                                    "manager suggested listing the patent publicly on a technology exchange for a "
                                    "reasonable period. No other bidder came forward, the deal closed at the listed "
                                    "price, and every step was documented. Lesson: an open, well-run procedure both "
                                    "discovers the price and protects the institution and its decision-makers.",
                        }),
                    ],
                },
            },
            {
                "minutes": 30,
                "required": False,
                "zh": {
                    "title": "技术转移机构与服务资源",
                    "body": [
                        ("heading", "各类技术转移机构"),
                        ("text", "技术转移机构是为技术转移提供专业服务的组织，形态多样。高校和科研院所内部设立的技术转移中心，"
                                 "主要负责本单位成果的管理与转化；市场化运营的服务机构，面向社会提供技术经纪、评估、咨询和投融资服务；"
                                 "此外还有地方政府支持建设的公共服务平台，以及产业技术研究院等新型研发机构。"),
                        ("text", "为引导机构专业化发展，科技部开展了国家技术转移示范机构的认定和评价工作，各地也出台了相应的培育和支持政策。"
                                 "有关部门还推动高等学校建设专业化技术转移机构，要求配备专职人员，建立覆盖成果披露、评价、推广和交易的规范流程。"),
                        ("heading", "如何用好服务资源"),
                        ("text", "在具体项目中，技术经理人往往需要调动多种外部资源：通过专利代理机构完善知识产权布局，借助评估机构测算交易价格，"
                                 "依托律师审查合同风险，联系投资机构为早期项目融资，利用中试基地和概念验证平台推动技术熟化。"
                                 "了解各类资源的功能和边界，是组织高效交易的前提。"),
                        ("text", "选择服务机构时，应关注其专业领域、过往案例、收费方式和合规记录。涉及国有科技成果的项目，"
                                 "还要确认相关程序符合本单位和主管部门的管理规定。与服务机构合作应当签订书面协议，明确工作范围、费用、"
                                 "保密义务和工作成果的归属。"),
                        ("case", {
                            "title": "一家初创企业的“资源地图”",
                            "text": "某大学教师团队准备以专利作价投资成立公司，但对流程一无所知。学校技术转移中心为团队绘制了一张“资源地图”："
                                    "委托专利代理机构补充申请外围专利，聘请评估机构出具价值分析报告供决策参考，由法律顾问起草出资和股权协议，"
                                    "并对接了所在园区的概念验证资金。四个月后，公司顺利完成注册。启示：技术经理人要善于整合资源，"
                                    "把分散的专业服务串成完整的服务链条。",
                        }),
                    ],
                },
                "en": {
                    "title": "Transfer Institutions and Service Resources",
                    "body": [
                        ("heading", "Kinds of technology transfer institutions"),
                        ("text", "Technology transfer institutions provide professional services for transfer and come "
                                 "in many forms. Technology transfer offices inside universities and research "
                                 "institutes manage and commercialise their own institution's results. Commercial "
                                 "service firms offer brokerage, valuation, consulting and financing services to all "
                                 "comers. There are also public service platforms supported by local governments and "
                                 "new-type R&D institutions such as industrial technology research institutes."),
                        ("text", "To encourage professional development, the Ministry of Science and Technology "
                                 "recognises and evaluates national technology transfer demonstration institutions, "
                                 "and local governments have their own support schemes. The authorities have also "
                                 "pushed universities to build professional technology transfer offices with dedicated "
                                 "staff and standard procedures covering invention disclosure, evaluation, marketing "
                                 "and deals."),
                        ("heading", "Making good use of service providers"),
                        ("text", "On a real project, a technology manager often has to draw on several outside "
                                 "resources: a patent agency to strengthen the IP portfolio, a valuation firm to "
                                 "estimate the price, a lawyer to review contract risks, investors to fund an "
                                 "early-stage project, and pilot plants or proof-of-concept centres to mature the "
                                 "technology. Knowing what each resource can and cannot do is a precondition for "
                                 "running an efficient deal."),
                        ("text", "When choosing a service provider, look at its field of expertise, track record, fee "
                                 "structure and compliance history. For projects involving state-owned results, also "
                                 "check that the procedures comply with the rules of the institution and its "
                                 "supervising authority. Work with providers should be governed by a written agreement "
                                 "setting out scope, fees, confidentiality and ownership of the work product."),
                        ("case", {
                            "title": "A resource map for a start-up",
                            "text": "A team of university lecturers wanted to set up a company with their patents as a "
                                    "capital contribution, but knew nothing about the process. The university's "
                                    "technology transfer office drew them a resource map: a patent agency to file "
                                    "supplementary patents around the core invention, a valuation firm to produce a "
                                    "value analysis for the decision-makers, a legal adviser to draft the contribution "
                                    "and shareholder agreements, and the local science park's proof-of-concept fund. "
                                    "Four months later the company was registered. Lesson: technology managers should "
                                    "be good at pulling scattered professional services together into one complete "
                                    "chain.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ P-03
    {
        "code": "P-03",
        "module": "general",
        "delivery": "online",
        "hours": 3,
        "instructors": ["chen", "liu"],
        "zh": {
            "title": "职业道德与从业规范",
            "summary": "阐述技术经理人应当遵循的职业道德和行为规范，重点讲解诚信、保密、利益冲突管理和合规风险防范等核心要求。",
            "objectives": [
                "理解技术经理人职业道德的基本原则及其重要性",
                "能够识别并妥善处理保密和利益冲突问题",
                "熟悉从业中常见的合规风险及防范方法",
            ],
        },
        "en": {
            "title": "Professional Ethics",
            "summary": "The ethical principles and rules of conduct that technology managers must follow, with a focus "
                       "on integrity, confidentiality, managing conflicts of interest and avoiding compliance risks.",
            "objectives": [
                "Understand the basic principles of professional ethics for technology managers and why they matter",
                "Recognise and properly handle confidentiality issues and conflicts of interest",
                "Know the common compliance risks in daily work and how to prevent them",
            ],
        },
        "lessons": [
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "技术经理人的职业道德原则",
                    "body": [
                        ("heading", "为什么职业道德尤为重要"),
                        ("text", "技术转移涉及未公开的技术信息、尚未定型的商业计划和可观的经济利益。技术经理人处在信息的交汇点，"
                                 "既掌握供给方的核心技术，又了解需求方的经营意图。一旦缺乏职业操守，极易造成技术泄露、利益输送或交易失信，"
                                 "不仅损害当事人的利益，也会破坏整个行业的信誉。"),
                        ("heading", "职业道德的核心原则"),
                        ("text", "诚实守信是第一原则。技术经理人应当如实介绍技术的成熟度、权利状况和已知风险，不得夸大技术效果，"
                                 "不得隐瞒可能影响交易决策的重要信息。对于超出自身能力范围的问题，应当坦诚说明，并建议当事人引入相应的专业人士。"),
                        ("text", "勤勉尽责要求技术经理人以专业标准完成受托工作：认真核实材料，及时沟通进展，妥善保存工作记录。"
                                 "客观公正则要求在评价技术、提出建议时以事实和数据为依据，不因个人利益或人情关系而偏袒任何一方。"),
                        ("text", "此外，技术经理人还应当尊重知识产权和科研人员的劳动成果，遵守法律法规和所在机构的规章制度，"
                                 "并通过持续学习保持专业能力。这些原则共同构成了技术转移从业者的职业底线，也是赢得客户长期信任的基础。"),
                        ("case", {
                            "title": "一句“保证量产”的代价",
                            "text": "某技术经纪人为了尽快促成交易，向企业承诺一项尚处于实验室阶段的电池隔膜技术“半年内保证量产”。"
                                    "企业据此采购了设备，结果技术在放大生产中遇到瓶颈，项目停滞，企业以其虚假宣传为由要求承担赔偿责任，"
                                    "所在机构的声誉也受到影响。启示：如实披露技术成熟度和风险，是对客户负责，也是对自己的保护。",
                        }),
                    ],
                },
                "en": {
                    "title": "Ethical Principles for Technology Managers",
                    "body": [
                        ("heading", "Why ethics matter so much"),
                        ("text", "Technology transfer involves unpublished technical information, business plans that "
                                 "are still taking shape and substantial sums of money. The technology manager sits "
                                 "where this information meets: they know the supplier's core technology and the "
                                 "buyer's business intentions. Without professional integrity it is all too easy to "
                                 "leak technology, channel benefits improperly or break faith in a deal, harming the "
                                 "parties and the reputation of the whole profession."),
                        ("heading", "Core principles"),
                        ("text", "Honesty comes first. A technology manager must describe a technology's maturity, "
                                 "rights position and known risks truthfully, must not overstate what it can do, and "
                                 "must not hide information that could affect a decision to deal. When a question "
                                 "falls outside their competence, they should say so plainly and suggest bringing in "
                                 "the right specialist."),
                        ("text", "Diligence means doing the work to a professional standard: checking documents "
                                 "carefully, keeping the parties informed and keeping proper records. Objectivity "
                                 "means basing assessments and advice on facts and data, without favouring either side "
                                 "because of personal interest or personal relationships."),
                        ("text", "Technology managers should also respect intellectual property and the work of "
                                 "researchers, comply with the law and with their organisation's rules, and keep their "
                                 "skills up to date. Together these principles form the ethical baseline of the "
                                 "profession and the foundation of clients' long-term trust."),
                        ("case", {
                            "title": "The cost of guaranteeing mass production",
                            "text": "Eager to close a deal, a technology broker promised a company that a battery "
                                    "separator technology, still at laboratory stage, was guaranteed to reach mass "
                                    "production within six months. The company bought equipment on that basis, but "
                                    "scale-up hit a bottleneck and the project stalled. The company then claimed "
                                    "damages from the broker for misleading claims, and the broker's agency also "
                                    "suffered reputational harm. Lesson: telling clients honestly how mature a "
                                    "technology is and what the risks are protects them and protects you.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "保密与利益冲突管理",
                    "body": [
                        ("heading", "保密义务"),
                        ("text", "技术经理人在工作中接触的技术资料、实验数据、商业计划和谈判底价等，往往属于当事人的商业秘密或尚未公开的信息。"
                                 "未经授权，不得向第三方披露，也不得用于自己或他人的其他目的。项目启动之初，应当与委托方签订保密协议，"
                                 "明确保密信息的范围、使用限制和保密期限。"),
                        ("text", "向潜在合作方推介技术时，宜采用“分层披露”的做法：先提供不涉及核心内容的非保密摘要，"
                                 "待对方表达明确意向并签署保密协议后，再提供详细资料。对于尚未提交专利申请的技术，过早公开可能使其丧失新颖性，"
                                 "更需格外谨慎。"),
                        ("heading", "利益冲突的识别与处理"),
                        ("text", "利益冲突是指技术经理人的个人利益或其对其他方承担的义务，可能影响其为委托方提供客观服务的情形，"
                                 "例如同时接受交易双方的委托、在受让企业中持有股份、与科研团队成员存在亲属关系等。利益冲突本身未必违法，"
                                 "但如果不披露、不管理，就可能损害委托方利益并引发纠纷。"),
                        ("text", "处理利益冲突的基本方法可以概括为“披露、回避、记录”：主动以书面形式向相关方披露潜在冲突；冲突较为严重时，"
                                 "回避相关决策或退出项目；将处理过程形成书面记录备查。高校和科研院所在科研人员参与成果转化时，"
                                 "也应建立相应的利益冲突审查机制。"),
                        ("case", {
                            "title": "未披露的双重委托",
                            "text": "某技术转移机构同时接受一所高校和一家企业的委托，分别为高校推介成果、为企业寻找技术，"
                                    "而项目经理没有向双方说明这一情况。谈判中，企业发现该机构掌握其报价底线，担心信息被透露给高校，"
                                    "对机构失去信任，合作随即破裂。启示：存在双重委托时，应当事先书面披露并取得双方同意，"
                                    "必要时安排不同团队分别服务，并建立信息隔离措施。",
                        }),
                    ],
                },
                "en": {
                    "title": "Confidentiality and Conflicts of Interest",
                    "body": [
                        ("heading", "The duty of confidentiality"),
                        ("text", "The technical documents, experimental data, business plans and negotiating limits "
                                 "that technology managers see at work are often the parties' trade secrets or "
                                 "unpublished information. They must not be disclosed to third parties without "
                                 "authorisation or used for any other purpose, whether for oneself or for others. At "
                                 "the start of a project, sign a confidentiality agreement with the client that "
                                 "defines what is confidential, how it may be used and for how long."),
                        ("text", "When presenting a technology to potential partners, disclose in layers: first give a "
                                 "non-confidential summary without the core details, and provide the full material "
                                 "only after the other party has shown clear interest and signed a confidentiality "
                                 "agreement. Take particular care with technology for which no patent application has "
                                 "yet been filed, because premature disclosure may destroy its novelty."),
                        ("heading", "Recognising and handling conflicts of interest"),
                        ("text", "A conflict of interest arises when a technology manager's personal interests, or "
                                 "duties owed to someone else, could affect the objectivity of the service provided to "
                                 "the client. Examples include acting for both sides of a deal, holding shares in the "
                                 "acquiring company, or being related to a member of the research team. A conflict is "
                                 "not necessarily unlawful in itself, but if it is neither disclosed nor managed it "
                                 "can harm the client and lead to disputes."),
                        ("text", "The basic approach can be summed up as disclose, step aside, record: disclose "
                                 "potential conflicts to the parties concerned in writing; where the conflict is "
                                 "serious, stay out of the relevant decisions or withdraw from the project; and keep a "
                                 "written record of how it was handled. Universities and research institutes should "
                                 "also have conflict-of-interest reviews for researchers who take part in "
                                 "commercialising their results."),
                        ("case", {
                            "title": "An undisclosed dual mandate",
                            "text": "A technology transfer agency was engaged at the same time by a university, to "
                                    "market its results, and by a company, to find technology for it, but the project "
                                    "manager told neither side. During negotiations the company realised the agency "
                                    "knew its price ceiling and feared the information would reach the university. It "
                                    "lost confidence in the agency and the deal fell through. Lesson: where you act "
                                    "for both sides, disclose this in writing beforehand and obtain both parties' "
                                    "consent, and if necessary assign separate teams and put information barriers in "
                                    "place.",
                        }),
                    ],
                },
            },
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "从业规范与合规风险防范",
                    "body": [
                        ("heading", "业务流程中的规范要求"),
                        ("text", "规范的业务流程是职业道德的制度化体现。承接业务时应当签订书面服务协议，明确服务内容、收费标准、付款方式、"
                                 "保密义务和违约责任。服务费用应当公开透明，不得在协议约定之外向任何一方收取未经披露的费用或好处。"),
                        ("text", "项目执行过程中，应当建立完整的工作档案，包括委托文件、沟通记录、尽职调查材料、合同文本和登记凭证等。"
                                 "这些材料既是服务质量的证明，也是发生争议时厘清责任的依据。涉及国有科技成果的交易，"
                                 "还应当严格遵守单位内部的决策和公示程序。"),
                        ("heading", "常见合规风险"),
                        ("text", "技术转移中常见的合规风险包括：以回扣、礼品等不正当方式影响交易决策的商业贿赂；侵犯他人知识产权或商业秘密；"
                                 "违反技术进出口管理规定向境外转移受限技术；以及协助当事人规避国有资产管理程序等。技术经理人应当熟悉相关法律红线，"
                                 "对可疑安排保持警觉。"),
                        ("text", "涉及境外主体的交易，要特别关注技术进出口管理的有关规定：属于禁止出口的技术不得出口，"
                                 "属于限制出口的技术应当依法申请许可。拿不准时，应当及时咨询专业律师或主管部门，切勿心存侥幸，"
                                 "更不能为促成交易而对风险视而不见。"),
                        ("case", {
                            "title": "一份被暂停的海外许可",
                            "text": "某企业拟将一项精密加工技术许可给境外公司，双方已谈妥主要条款。技术经理人在审查中发现，"
                                    "该技术可能属于《中国禁止出口限制出口技术目录》中的限制出口类技术。经律师核实后，企业暂停签约，"
                                    "依法申请技术出口许可，取得许可后才正式签约，避免了违规风险。启示：跨境交易前的合规审查不可省略，"
                                    "技术经理人要具备识别风险的敏感度。",
                        }),
                    ],
                },
                "en": {
                    "title": "Standards of Practice and Compliance Risks",
                    "body": [
                        ("heading", "Standards in day-to-day work"),
                        ("text", "Well-defined procedures are professional ethics put into practice. When taking on an "
                                 "engagement, sign a written service agreement setting out the scope of services, "
                                 "fees, payment terms, confidentiality and liability for breach. Fees must be open and "
                                 "transparent, and no undisclosed fee or benefit may be taken from any party outside "
                                 "the agreement."),
                        ("text", "During a project, keep a complete file: engagement documents, records of "
                                 "communication, due diligence materials, contract texts and registration "
                                 "certificates. These records prove the quality of your work and help establish who is "
                                 "responsible if a dispute arises. Deals involving state-owned results must also "
                                 "strictly follow the institution's internal decision-making and public notice "
                                 "procedures."),
                        ("heading", "Common compliance risks"),
                        ("text", "Common compliance risks in technology transfer include commercial bribery, such as "
                                 "kickbacks or gifts to influence a decision; infringing others' IP or trade secrets; "
                                 "transferring restricted technology abroad in breach of technology import and export "
                                 "rules; and helping the parties bypass state-owned asset procedures. Technology "
                                 "managers should know where the legal red lines are and stay alert to suspicious "
                                 "arrangements."),
                        ("text", "In deals with foreign parties, pay special attention to the rules on technology "
                                 "imports and exports: technology whose export is prohibited may not be exported, and "
                                 "technology whose export is restricted requires a licence. When in doubt, consult a "
                                 "specialist lawyer or the competent authority promptly. Never take chances, and never "
                                 "turn a blind eye to risk just to get a deal done."),
                        ("case", {
                            "title": "An overseas licence put on hold",
                            "text": "A company planned to license a precision machining technology to a foreign firm, "
                                    "and the main terms had been agreed. Reviewing the deal, the technology manager "
                                    "noticed that the technology might fall under the restricted category of China's "
                                    "Catalogue of Technologies Prohibited or Restricted from Export. After a lawyer "
                                    "confirmed this, the company suspended signing, applied for a technology export "
                                    "licence as required and signed only once the licence was granted, avoiding a "
                                    "breach. Lesson: compliance checks before a cross-border deal are not optional, "
                                    "and technology managers need a nose for risk.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ P-04
    {
        "code": "P-04",
        "module": "policy",
        "delivery": "online",
        "hours": 6,
        "instructors": ["liu", "chen"],
        "zh": {
            "title": "促进科技成果转化法及配套政策",
            "summary": "解读《中华人民共和国促进科技成果转化法》的主要制度及国家层面的配套政策，帮助学员在成果处置、定价和收益分配等工作中准确适用法律政策。",
            "objectives": [
                "掌握促进科技成果转化法的立法沿革、核心概念和主要制度",
                "理解国家设立的研究开发机构、高等院校在成果转化中的自主权和定价机制",
                "熟悉成果转化收益分配、奖励报酬及相关税收政策的基本要求",
            ],
        },
        "en": {
            "title": "The Law on Promoting the Transformation of S&T Achievements",
            "summary": "A guide to the main provisions of the Law on Promoting the Transformation of Scientific and "
                       "Technological Achievements and the national policies that implement it, so that trainees can "
                       "apply them correctly when disposing of results, setting prices and sharing income.",
            "objectives": [
                "Know the history, core concepts and main provisions of the Law",
                "Understand the autonomy that state-established research institutes and universities have over their "
                "results, and how prices are set",
                "Know the basic rules on sharing income, rewarding researchers and the related tax policies",
            ],
        },
        "lessons": [
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "立法沿革与核心概念",
                    "body": [
                        ("heading", "从1996年颁布到2015年修订"),
                        ("text", "《中华人民共和国促进科技成果转化法》于1996年颁布，是我国推动科技成果转化的基础性法律。"
                                 "随着科技体制改革的深入，原法中关于成果处置审批、收益分配等规定逐渐难以适应实践需要。2015年，"
                                 "全国人大常委会对该法进行了全面修订，修订后的法律自2015年10月1日起施行。"),
                        ("text", "这次修订的核心思路可以概括为“松绑”和“激励”：一方面下放科技成果的使用权、处置权和收益权，减少行政审批环节；"
                                 "另一方面大幅提高对科研人员的奖励比例，增强转化的内生动力。同时，法律还加强了科技成果信息发布、"
                                 "技术转移服务体系建设和企业创新主体地位等方面的规定。"),
                        ("heading", "需要准确把握的核心概念"),
                        ("text", "法律所称科技成果，是指通过科学研究与技术开发所产生的具有实用价值的成果。职务科技成果，是指执行研究开发机构、"
                                 "高等院校和企业等单位的工作任务，或者主要是利用上述单位的物质技术条件所完成的科技成果。科技成果转化，"
                                 "则是为提高生产力水平而对科技成果进行的后续试验、开发、应用、推广直至形成新产品、发展新产业等活动。"),
                        ("text", "准确区分职务成果与非职务成果十分重要。职务科技成果的权利一般属于单位，转化需按照单位的制度和程序进行；"
                                 "非职务成果的权利属于完成人。双方对是否“主要利用单位物质技术条件”存在争议时，应当结合劳动合同、"
                                 "科研项目合同等约定和具体事实加以判断。"),
                        ("case", {
                            "title": "离职后的专利申请",
                            "text": "某研究所工程师王某离职半年后，以个人名义就一项与其原岗位工作密切相关的技术提交了发明专利申请，"
                                    "研究所主张该成果属于职务成果。经核查，相关实验数据产生于王某在职期间；而且依照专利法实施细则，"
                                    "离职后一年内作出的、与原单位本职工作有关的发明创造，也属于职务发明创造。最终双方协商将专利申请权转归研究所，"
                                    "研究所依规给予王某相应奖励。启示：单位应当完善成果披露登记和离职管理制度。",
                        }),
                    ],
                },
                "en": {
                    "title": "Legislative History and Core Concepts",
                    "body": [
                        ("heading", "From the 1996 Law to the 2015 revision"),
                        ("text", "The Law on Promoting the Transformation of Scientific and Technological "
                                 "Achievements, enacted in 1996, is China's basic law on commercialising research "
                                 "results. As reform of the science and technology system deepened, its provisions on "
                                 "approval for disposing of results and on sharing income increasingly failed to meet "
                                 "practical needs. In 2015 the Standing Committee of the National People's Congress "
                                 "thoroughly revised the Law, and the revised text took effect on 1 October 2015."),
                        ("text", "The revision can be summed up as loosening controls and strengthening incentives. On "
                                 "the one hand, it devolved the rights to use, dispose of and benefit from results to "
                                 "the institutions, cutting administrative approvals. On the other, it sharply raised "
                                 "the share of rewards for researchers, giving them a stronger motive to "
                                 "commercialise. The Law also reinforced provisions on publishing information about "
                                 "results, building technology transfer services and the role of companies as the main "
                                 "actors in innovation."),
                        ("heading", "Core concepts to get right"),
                        ("text", "In the Law, an S&T achievement is a result of practical value produced by scientific "
                                 "research and technological development. A service (employee) achievement is one "
                                 "completed in carrying out a task for a research institute, university, company or "
                                 "other employer, or mainly by using that employer's material and technical resources. "
                                 "Commercialisation is the follow-up testing, development, application and diffusion "
                                 "of such results, carried out to raise productivity, up to the point of new products "
                                 "and new industries."),
                        ("text", "Distinguishing between service and non-service results matters a great deal. Rights "
                                 "in a service result generally belong to the employer, and commercialisation must "
                                 "follow the employer's rules and procedures; rights in a non-service result belong to "
                                 "the person who made it. Where the parties disagree about whether the employer's "
                                 "resources were mainly used, the answer depends on the employment contract, research "
                                 "contracts and the specific facts."),
                        ("case", {
                            "title": "A patent application after leaving",
                            "text": "Six months after leaving a research institute, engineer Wang filed an invention "
                                    "patent application in his own name for a technology closely related to his former "
                                    "job. The institute claimed it as a service result. It turned out that the key "
                                    "experimental data had been produced while Wang was still employed; moreover, "
                                    "under the Implementing Regulations of the Patent Law, an invention made within "
                                    "one year of leaving that relates to one's former duties is a service invention. "
                                    "The parties agreed to transfer the application to the institute, which rewarded "
                                    "Wang under its rules. Lesson: institutions need sound invention disclosure and "
                                    "exit procedures.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "成果处置自主权与定价机制",
                    "body": [
                        ("heading", "下放使用权、处置权和收益权"),
                        ("text", "修订后的法律明确，国家设立的研究开发机构、高等院校对其持有的科技成果，可以自主决定转让、许可或者作价投资，"
                                 "除涉及国家秘密、国家安全外，不需审批或者备案。成果的使用权和处置权由单位自主行使，大大缩短了转化周期，"
                                 "也对单位自身的管理能力提出了更高要求。"),
                        ("text", "同时，转化科技成果所获得的收入全部留归本单位，在对完成、转化职务科技成果作出重要贡献的人员给予奖励和报酬后，"
                                 "主要用于科学技术研究开发与成果转化等相关工作。收益权的下放，使单位有了开展转化工作的内在动力。"),
                        ("heading", "定价方式与决策免责"),
                        ("text", "法律规定，国家设立的研究开发机构、高等院校转化科技成果，可以通过协议定价、在技术交易市场挂牌交易、"
                                 "拍卖等方式确定价格。通过协议定价的，应当在本单位公示科技成果名称和拟交易价格。"
                                 "单位应当建立健全决策机制和公示制度，确保程序规范透明。"),
                        ("text", "为消除决策者的顾虑，国家配套政策进一步明确：单位领导在履行勤勉尽责义务、没有牟取非法利益的前提下，"
                                 "免除其在科技成果定价中因科技成果转化后续价值变化产生的决策责任。"
                                 "此后的相关政策还允许单位自主决定是否对拟转化的科技成果进行资产评估。"),
                        ("case", {
                            "title": "协议定价的公示",
                            "text": "某高校拟以80万元将一项饲料添加剂专利许可给企业。学校按照内部制度，由成果转化工作领导小组审议后，"
                                    "在校内公示成果名称和拟交易价格，公示期满无异议后签约。两年后，该技术带动企业销售额大幅增长，"
                                    "有人质疑当初定价过低。学校出示了完整的决策和公示记录，证明程序合规。启示："
                                    "规范的决策和公示程序是单位和决策者最有力的保护。",
                        }),
                    ],
                },
                "en": {
                    "title": "Autonomy over Results and Pricing",
                    "body": [
                        ("heading", "Devolving the rights to use, dispose of and benefit"),
                        ("text", "The revised Law makes clear that research institutes and universities established by "
                                 "the state may decide on their own to assign, license or invest their results as "
                                 "equity. Except where state secrets or national security are involved, no approval or "
                                 "filing is required. Because institutions now exercise the rights of use and disposal "
                                 "themselves, commercialisation is much faster, but more is demanded of their own "
                                 "management."),
                        ("text", "All income from commercialising results stays with the institution. After rewarding "
                                 "and remunerating those who made important contributions to creating and "
                                 "commercialising the service result, the institution should use the income mainly for "
                                 "research, development and commercialisation. Devolving the right to the income has "
                                 "given institutions their own reason to pursue commercialisation."),
                        ("heading", "Pricing methods and relief from liability"),
                        ("text", "Under the Law, state-established research institutes and universities may set the "
                                 "price of a result by negotiated agreement, by listing it on a technology exchange or "
                                 "by auction. Where the price is negotiated, the name of the result and the proposed "
                                 "price must be publicly announced within the institution. Institutions should have "
                                 "sound decision-making and public notice rules so that the process is orderly and "
                                 "transparent."),
                        ("text", "To ease decision-makers' concerns, national implementing policy further provides "
                                 "that institution leaders who have acted with due diligence and sought no unlawful "
                                 "gain are relieved of liability for pricing decisions if the value of the result "
                                 "later changes. Subsequent policies have also allowed institutions to decide for "
                                 "themselves whether a result to be commercialised needs a formal asset valuation."),
                        ("case", {
                            "title": "Announcing a negotiated price",
                            "text": "A university planned to license a feed additive patent to a company for 800,000 "
                                    "yuan. Following its internal rules, the commercialisation steering group reviewed "
                                    "the deal, the name of the result and the proposed price were announced on campus, "
                                    "and the licence was signed after the notice period passed without objection. Two "
                                    "years later, the technology had sharply increased the company's sales and some "
                                    "questioned whether the price had been too low. The university produced complete "
                                    "records of the decision and the announcement, showing the procedure had been "
                                    "followed. Lesson: proper decision and notice procedures are the best protection "
                                    "for institutions and their leaders.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "收益分配、奖励报酬与配套政策",
                    "body": [
                        ("heading", "奖励和报酬的法定标准"),
                        ("text", "法律规定，科技成果完成单位可以规定或者与科技人员约定奖励和报酬的方式、数额和时限。单位制定相关规定，"
                                 "应当充分听取本单位科技人员的意见，并在本单位公开相关规定。这体现了“约定优先”的原则：只有在单位既无规定、"
                                 "也未与科技人员约定时，才适用法律规定的最低标准。"),
                        ("text", "单位未规定、也未与科技人员约定的，按照法定标准执行：转让、许可给他人实施的，"
                                 "从转让净收入或者许可净收入中提取不低于百分之五十的比例；作价投资的，"
                                 "从取得的股份或者出资比例中提取不低于百分之五十的比例；自行实施或者与他人合作实施的，在成功投产后连续三至五年，"
                                 "每年从营业利润中提取不低于百分之五的比例。"),
                        ("heading", "配套政策与税收措施"),
                        ("text", "2016年，国务院印发《实施〈中华人民共和国促进科技成果转化法〉若干规定》，"
                                 "国务院办公厅印发《促进科技成果转移转化行动方案》，与修订后的法律一起被称为推动成果转化的“三部曲”。此后，"
                                 "有关部门还开展了赋予科研人员职务科技成果所有权或长期使用权等改革试点。"),
                        ("text", "在税收方面，非营利性研究开发机构和高等学校从职务科技成果转化收入中给予科技人员的现金奖励，"
                                 "符合条件的可减按百分之五十计入当月“工资、薪金所得”计缴个人所得税；以技术成果投资入股或获得股权奖励，"
                                 "符合条件的可以适用递延纳税政策。各地和各单位的具体规定不尽相同，操作时应以现行文件为准。"),
                        ("case", {
                            "title": "一笔许可收入的分配",
                            "text": "某研究院将一项检测技术许可给企业，取得许可费200万元，扣除专利维护、评估和交易服务等直接费用20万元后，"
                                    "许可净收入为180万元。研究院制度规定将净收入的百分之七十奖励给成果完成团队，即126万元，"
                                    "由团队负责人按贡献提出分配方案，经公示无异议后发放。启示："
                                    "“净收入”的计算口径和分配程序应当在单位制度中事先明确，并做到公开透明。",
                        }),
                    ],
                },
                "en": {
                    "title": "Income Sharing, Rewards and Implementing Policies",
                    "body": [
                        ("heading", "Statutory standards for rewards"),
                        ("text", "Under the Law, the institution that produced a result may set out in its rules, or "
                                 "agree with its researchers, the form, amount and timing of rewards and remuneration. "
                                 "When drawing up such rules, it must fully consult its researchers and make the rules "
                                 "public within the institution. This reflects the principle that agreement comes "
                                 "first: the statutory minimums below apply only where the institution has neither "
                                 "rules nor an agreement with its researchers."),
                        ("text", "Where there are no rules and no agreement, statutory minimums apply: for an "
                                 "assignment or licence, at least 50 per cent of the net income from the assignment or "
                                 "licence; for an equity investment, at least 50 per cent of the shares or equity "
                                 "stake obtained; and where the institution implements the result itself or with "
                                 "others, at least 5 per cent of operating profit each year for three to five "
                                 "consecutive years after production successfully begins."),
                        ("heading", "Implementing policies and tax measures"),
                        ("text", "In 2016 the State Council issued Several Provisions on Implementing the Law, and the "
                                 "General Office of the State Council issued the Action Plan for Promoting the "
                                 "Transfer and Commercialisation of S&T Achievements. Together with the revised Law, "
                                 "they are often called the 'trilogy' for promoting commercialisation. The authorities "
                                 "have since piloted reforms that give researchers ownership of, or long-term rights "
                                 "to use, their service results."),
                        ("text", "On tax, cash rewards that non-profit research institutes and universities pay "
                                 "researchers out of commercialisation income may, if the conditions are met, be "
                                 "counted at 50 per cent in the researcher's wage income for that month for individual "
                                 "income tax purposes. Equity received for contributing technology, or as an equity "
                                 "reward, may qualify for deferred taxation. Local and institutional rules vary, so "
                                 "always check the documents currently in force."),
                        ("case", {
                            "title": "Sharing out licence income",
                            "text": "A research institute licensed a testing technology to a company for a fee of 2 "
                                    "million yuan. After deducting 200,000 yuan of direct costs for patent "
                                    "maintenance, valuation and transaction services, net licence income was 1.8 "
                                    "million yuan. The institute's rules award 70 per cent of net income to the team "
                                    "that produced the result, that is 1.26 million yuan. The team leader proposed how "
                                    "to divide it according to contribution, and it was paid out after a public notice "
                                    "period without objection. Lesson: the definition of net income and the "
                                    "distribution procedure should be set out in the institution's rules in advance, "
                                    "openly and transparently.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ P-05
    {
        "code": "P-05",
        "module": "policy",
        "delivery": "online",
        "hours": 6,
        "instructors": ["liu"],
        "zh": {
            "title": "民法典技术合同",
            "summary": "以《中华人民共和国民法典》合同编第二十章“技术合同”为依据，系统讲解技术合同的一般规则和技术开发、转让、许可、咨询、服务合同的法律要点。",
            "objectives": [
                "掌握技术合同的概念、主要条款和无效情形",
                "区分技术开发、转让、许可、咨询和服务合同的法律特征",
                "能够识别各类技术合同中成果归属、风险负担等常见法律风险",
            ],
        },
        "en": {
            "title": "Technology Contracts under the Civil Code",
            "summary": "A systematic walk through Chapter 20 (Technology Contracts) of the Contracts Book of the Civil "
                       "Code, covering the general rules and the key legal points of development, assignment, "
                       "licensing, consulting and service contracts.",
            "objectives": [
                "Know the definition, main terms and grounds of invalidity of technology contracts",
                "Tell apart the legal features of development, assignment, licensing, consulting and service contracts",
                "Spot common legal risks such as ownership of results and allocation of risk in each type of contract",
            ],
        },
        "lessons": [
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "技术合同的一般规定",
                    "body": [
                        ("heading", "技术合同的概念与体系"),
                        ("text", "《中华人民共和国民法典》自2021年1月1日起施行，原《合同法》同时废止。"
                                 "民法典第三编“合同”第二十章专章规定技术合同，分为一般规定、技术开发合同、技术转让合同和技术许可合同、"
                                 "技术咨询合同和技术服务合同四节。技术合同是当事人就技术开发、转让、许可、"
                                 "咨询或者服务订立的确立相互之间权利和义务的合同。"),
                        ("text", "与原合同法相比，民法典将技术许可合同与技术转让合同并列规定，"
                                 "更清晰地区分了“权利让与”和“许可使用”两种交易形态。法律要求，"
                                 "订立技术合同应当有利于知识产权的保护和科学技术的进步，促进科学技术成果的研发、转化、应用和推广。"),
                        ("heading", "主要条款与无效情形"),
                        ("text", "技术合同的内容一般包括项目名称，标的的内容、范围和要求，履行的计划、地点和方式，技术信息和资料的保密，"
                                 "技术成果的归属和收益的分配办法，验收标准和方法，名词和术语的解释等条款。与履行合同有关的技术背景资料、"
                                 "可行性论证、技术评价报告等，可以按照约定作为合同的组成部分。"),
                        ("text", "价款、报酬或者使用费的支付方式由当事人约定，可以采取一次总算、一次总付或者一次总算、分期支付，"
                                 "也可以采取提成支付或者提成支付附加预付入门费的方式。需要特别注意的是，"
                                 "非法垄断技术或者侵害他人技术成果的技术合同无效。"),
                        ("case", {
                            "title": "被认定无效的“独家条款”",
                            "text": "某企业与一家研究所签订技术许可合同，约定研究所今后不得在相关领域开展任何研究，"
                                    "且研究所对该技术的任何改进都必须无偿交给企业独占使用。后来研究所认为该条款严重限制其科研工作，诉至法院。"
                                    "法院认为，该条款属于限制另一方在合同标的技术基础上进行新的研究开发、要求其无偿提供改进技术的不合理限制，"
                                    "构成非法垄断技术，相关条款无效。启示：起草合同时不能过度限制对方的研发活动。",
                        }),
                    ],
                },
                "en": {
                    "title": "General Rules on Technology Contracts",
                    "body": [
                        ("heading", "Definition and structure"),
                        ("text", "The Civil Code of the People's Republic of China took effect on 1 January 2021, "
                                 "replacing the former Contract Law. Chapter 20 of Book Three (Contracts) deals "
                                 "specifically with technology contracts in four sections: general rules; technology "
                                 "development contracts; technology assignment and technology licensing contracts; and "
                                 "technology consulting and technology service contracts. A technology contract is one "
                                 "in which the parties establish their mutual rights and obligations concerning the "
                                 "development, assignment, licensing, consulting or servicing of technology."),
                        ("text", "Unlike the former Contract Law, the Civil Code treats technology licensing contracts "
                                 "alongside, rather than as a subtype of, technology assignment contracts, drawing a "
                                 "clearer line between transferring rights and permitting use. The law requires "
                                 "technology contracts to favour the protection of intellectual property and the "
                                 "progress of science and technology, and to promote the development, "
                                 "commercialisation, application and diffusion of research results."),
                        ("heading", "Main terms and grounds of invalidity"),
                        ("text", "A technology contract usually covers the name of the project; the content, scope and "
                                 "requirements of the subject matter; the schedule, place and manner of performance; "
                                 "confidentiality of technical information and documents; ownership of results and "
                                 "sharing of income; acceptance criteria and methods; and definitions of terms. "
                                 "Technical background documents, feasibility studies and technical evaluation reports "
                                 "related to performance may, if the parties agree, form part of the contract."),
                        ("text", "The parties decide how the price, remuneration or royalties are paid: a lump sum "
                                 "paid at once or in instalments, running royalties, or royalties plus an upfront "
                                 "entry fee. Note in particular that a technology contract that illegally monopolises "
                                 "technology or infringes another's technological results is void."),
                        ("case", {
                            "title": "An exclusivity clause struck down",
                            "text": "A company signed a licence with a research institute requiring the institute "
                                    "never again to conduct any research in the field and to hand over every "
                                    "improvement to the technology to the company, free of charge and for its "
                                    "exclusive use. The institute later sued, arguing that the clause crippled its "
                                    "research. The court held that barring the other party from further research on "
                                    "the licensed technology and requiring it to hand over improvements for free was "
                                    "an unreasonable restriction amounting to illegal monopolisation of technology, "
                                    "and declared the clauses void. Lesson: a contract must not unduly restrict the "
                                    "other party's research.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "技术开发合同",
                    "body": [
                        ("heading", "委托开发与合作开发"),
                        ("text", "技术开发合同是当事人之间就新技术、新产品、新工艺、新品种或者新材料及其系统的研究开发所订立的合同，"
                                 "包括委托开发合同和合作开发合同，应当采用书面形式。委托开发中，委托人主要提供资金和协作，"
                                 "研究开发人负责完成研发工作；合作开发中，各方共同投资、分工参与研究开发工作。"),
                        ("text", "当事人之间就具有实用价值的科技成果实施转化订立的合同，参照适用技术开发合同的有关规定。"
                                 "研究开发人应当按照约定制定和实施研究开发计划，合理使用研究开发经费，按期完成研究开发工作，交付研究开发成果，"
                                 "并提供有关的技术资料和必要的技术指导。"),
                        ("heading", "成果归属与风险负担"),
                        ("text", "委托开发完成的发明创造，除法律另有规定或者当事人另有约定外，申请专利的权利属于研究开发人，"
                                 "委托人可以依法实施该专利；研究开发人转让专利申请权的，委托人享有以同等条件优先受让的权利。"
                                 "合作开发完成的发明创造，申请专利的权利属于合作开发的当事人共有。这些默认规则常与出资方的预期不同，"
                                 "因此合同中应当明确约定。"),
                        ("text", "技术开发具有不确定性。因出现无法克服的技术困难，致使研究开发失败或者部分失败的，该风险由当事人约定；"
                                 "没有约定或者约定不明确，依照民法典有关规定仍不能确定的，风险由当事人合理分担。一方发现可能致使研发失败的情形时，"
                                 "应当及时通知另一方并采取适当措施减少损失。"),
                        ("case", {
                            "title": "委托开发的成果归谁",
                            "text": "某家电企业出资委托一所高校研发新型压缩机控制算法，合同只约定了经费和交付时间，未约定专利归属。项目完成后，"
                                    "高校以自己的名义申请了专利，企业认为“谁出钱谁拥有”，双方发生争议。依照民法典，在没有约定的情况下，"
                                    "委托开发完成的发明创造申请专利的权利属于研究开发人，企业可以依法实施该专利，但并不拥有专利权。启示："
                                    "委托方务必在合同中明确约定知识产权归属和后续改进成果的分享办法。",
                        }),
                    ],
                },
                "en": {
                    "title": "Technology Development Contracts",
                    "body": [
                        ("heading", "Commissioned and cooperative development"),
                        ("text", "A technology development contract is one concluded for research and development of "
                                 "new technologies, products, processes, plant varieties or materials and their "
                                 "systems. It may be a commissioned development contract or a cooperative development "
                                 "contract and must be in writing. In commissioned development, the commissioning "
                                 "party mainly provides funding and assistance while the developer does the research; "
                                 "in cooperative development, all parties invest and share the research work."),
                        ("text", "Contracts between parties for commercialising S&T results of practical value are "
                                 "governed, by analogy, by the rules on development contracts. The developer must draw "
                                 "up and carry out the R&D plan as agreed, use the funds reasonably, finish the work "
                                 "on schedule, deliver the results, and provide the relevant technical documents and "
                                 "necessary technical guidance."),
                        ("heading", "Ownership of results and allocation of risk"),
                        ("text", "For inventions made under commissioned development, unless the law provides "
                                 "otherwise or the parties agree otherwise, the right to apply for a patent belongs to "
                                 "the developer, and the commissioning party may exploit the patent in accordance with "
                                 "law; if the developer assigns the right to apply, the commissioning party has a "
                                 "right of first refusal on equal terms. For inventions made under cooperative "
                                 "development, the right to apply belongs jointly to the parties. These default rules "
                                 "often differ from what the funder expects, so the contract should address ownership "
                                 "expressly."),
                        ("text", "R&D is inherently uncertain. Where insurmountable technical difficulties cause the "
                                 "research to fail wholly or partly, the risk is borne as the parties agree; where "
                                 "there is no agreement or it is unclear, and the question cannot be settled under the "
                                 "relevant rules of the Civil Code, the parties share the risk reasonably. A party "
                                 "that discovers circumstances likely to cause failure must promptly notify the other "
                                 "and take appropriate steps to limit the loss."),
                        ("case", {
                            "title": "Who owns the commissioned result?",
                            "text": "A home-appliance maker paid a university to develop a new compressor control "
                                    "algorithm. The contract covered only funding and delivery dates, not patent "
                                    "ownership. When the project ended, the university filed patent applications in "
                                    "its own name, while the company insisted that whoever paid should own the result. "
                                    "Under the Civil Code, absent an agreement, the right to apply for a patent on a "
                                    "commissioned invention belongs to the developer; the company may exploit the "
                                    "patent but does not own it. Lesson: a commissioning party must spell out IP "
                                    "ownership and the sharing of later improvements in the contract.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "技术转让、许可、咨询与服务合同",
                    "body": [
                        ("heading", "技术转让合同和技术许可合同"),
                        ("text", "技术转让合同是合法拥有技术的权利人，将现有特定的专利、专利申请、技术秘密的相关权利让与他人所订立的合同；"
                                 "技术许可合同是合法拥有技术的权利人，将现有特定的专利、技术秘密的相关权利许可他人实施、使用所订立的合同。"
                                 "两类合同均应当采用书面形式。"),
                        ("text", "专利实施许可通常分为独占许可、排他许可和普通许可。合同可以约定实施专利或者使用技术秘密的范围，"
                                 "但是不得限制技术竞争和技术发展。专利实施许可合同仅在专利权存续期限内有效。"
                                 "让与人和许可人应当保证自己是所提供技术的合法拥有者，并保证所提供的技术完整、无误、有效，能够达到约定的目标。"),
                        ("heading", "技术咨询合同和技术服务合同"),
                        ("text", "技术咨询合同是当事人一方以技术知识为对方就特定技术项目提供可行性论证、技术预测、专题技术调查、"
                                 "分析评价报告等所订立的合同。除当事人另有约定外，委托人按照受托人符合约定要求的咨询报告和意见作出决策所造成的损失"
                                 "，由委托人承担。"),
                        ("text", "技术服务合同是当事人一方以技术知识为对方解决特定技术问题所订立的合同，不包括承揽合同和建设工程合同。"
                                 "在技术咨询和技术服务合同履行过程中，受托人利用委托人提供的技术资料和工作条件完成的新的技术成果，属于受托人；"
                                 "委托人利用受托人的工作成果完成的新的技术成果，属于委托人；当事人另有约定的，按照其约定。"),
                        ("case", {
                            "title": "选错了许可类型",
                            "text": "某企业以普通许可方式取得一项专利的实施权，随后投入巨资建设生产线。不久，"
                                    "专利权人又将同一专利普通许可给该企业的主要竞争对手，企业这才意识到自己并不享有排他的市场地位，"
                                    "而合同对此并无限制。启示：签约前要根据投资规模和市场策略选择合适的许可类型，并在合同中清楚约定许可的范围、"
                                    "地域、期限以及许可人是否还能向第三方许可。",
                        }),
                    ],
                },
                "en": {
                    "title": "Assignment, Licensing, Consulting and Service Contracts",
                    "body": [
                        ("heading", "Technology assignment and licensing contracts"),
                        ("text", "A technology assignment contract is one in which the lawful owner of a technology "
                                 "transfers rights in a specific existing patent, patent application or item of "
                                 "know-how to another party. A technology licensing contract is one in which the "
                                 "lawful owner permits another party to exploit or use a specific existing patent or "
                                 "item of know-how. Both must be in writing."),
                        ("text", "Patent licences are usually exclusive, sole or non-exclusive. A contract may define "
                                 "the scope within which the patent or know-how is used, but may not restrict "
                                 "technological competition or development. A patent licence is effective only while "
                                 "the patent remains in force. Assignors and licensors must warrant that they lawfully "
                                 "own the technology and that it is complete, accurate and effective and can achieve "
                                 "the agreed objectives."),
                        ("heading", "Technology consulting and service contracts"),
                        ("text", "A technology consulting contract is one in which one party uses its technical "
                                 "knowledge to provide the other with feasibility studies, technology forecasts, "
                                 "special technical investigations, analysis and evaluation reports and the like for a "
                                 "specific project. Unless otherwise agreed, losses arising from decisions the client "
                                 "makes on the basis of a report and advice that meet the contract requirements are "
                                 "borne by the client."),
                        ("text", "A technology service contract is one in which one party uses its technical knowledge "
                                 "to solve a specific technical problem for the other; it does not include work "
                                 "contracts or construction contracts. During performance of consulting and service "
                                 "contracts, new results the contractor achieves using the client's documents and "
                                 "working conditions belong to the contractor, and new results the client achieves "
                                 "using the contractor's work belong to the client, unless the parties agree otherwise."),
                        ("case", {
                            "title": "The wrong type of licence",
                            "text": "A company took a non-exclusive licence under a patent and then invested heavily "
                                    "in a production line. Soon afterwards the patent owner granted another "
                                    "non-exclusive licence under the same patent to the company's main competitor. "
                                    "Only then did the company realise it had no exclusive market position, and "
                                    "nothing in the contract prevented this. Lesson: before signing, choose the type "
                                    "of licence that fits your investment and market strategy, and state clearly the "
                                    "field, territory and term and whether the licensor may license others.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ P-06
    {
        "code": "P-06",
        "module": "policy",
        "delivery": "online",
        "hours": 5,
        "instructors": ["zhao", "liu"],
        "zh": {
            "title": "知识产权法律基础",
            "summary": "介绍与技术转移密切相关的知识产权法律制度，以专利权为重点，兼及商业秘密、著作权和商标等，帮助学员把握技术交易的权利基础。",
            "objectives": [
                "理解知识产权的主要类型及其在技术转移中的作用",
                "掌握专利的类型、授权条件、保护期限和保护范围",
                "了解商业秘密的保护要件以及常见知识产权风险的防范方法",
            ],
        },
        "en": {
            "title": "IP Law Basics",
            "summary": "An introduction to the intellectual property regimes that matter most in technology transfer, "
                       "focusing on patents and also covering trade secrets, copyright and trademarks, so that "
                       "trainees understand the rights on which technology deals rest.",
            "objectives": [
                "Understand the main types of intellectual property and their role in technology transfer",
                "Know the types of patent, the conditions for grant, the terms of protection and the scope of "
                "protection",
                "Know what it takes to protect a trade secret and how to prevent common IP risks",
            ],
        },
        "lessons": [
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "知识产权体系概览",
                    "body": [
                        ("heading", "知识产权的主要类型"),
                        ("text", "知识产权是权利人依法就其智力成果和商业标识享有的专有权利。与技术转移关系最密切的类型包括专利权、"
                                 "商业秘密（其中的技术信息通常称为技术秘密）、著作权（含计算机软件著作权）和商标权，"
                                 "此外还有集成电路布图设计专有权、植物新品种权等。不同类型的权利在取得方式、保护范围和保护期限上差异很大。"),
                        ("text", "专利权和商标权需要向国家知识产权局提出申请，经审查授权或核准注册后才能取得；著作权自作品创作完成之日起自动产生，"
                                 "软件著作权可以办理登记以便于证明权利；商业秘密无需登记，依靠权利人采取的保密措施获得保护。了解这些差异，"
                                 "有助于为一项技术选择合适的保护组合。"),
                        ("heading", "知识产权在技术转移中的作用"),
                        ("text", "在技术交易中，知识产权是交易标的的法律载体。没有清晰、稳定的权利，技术就难以定价和流转，"
                                 "受让方也难以获得有保障的市场地位。因此，评估一项技术的转移可行性，首先要弄清四个问题：权利是否存在、归属于谁、"
                                 "保护范围有多大、还剩多长保护期。"),
                        ("text", "知识产权具有地域性，在中国取得的专利只在中国境内受到保护。如果技术的目标市场在境外，"
                                 "需要通过《巴黎公约》途径或者专利合作条约（PCT）途径，在相关国家或地区申请保护。技术经理人在推介技术时，"
                                 "应当清楚说明权利覆盖的国家和地区。"),
                        ("case", {
                            "title": "一个视觉检测项目的权利组合",
                            "text": "某高校团队开发了一套工业视觉检测系统，包括检测算法、控制软件和专用光源装置。"
                                    "技术经理人协助团队设计了保护组合：检测方法申请发明专利，光源结构申请实用新型专利，控制软件办理著作权登记，"
                                    "训练数据和参数调校经验作为技术秘密加以管理。后来团队与企业洽谈许可时，这套组合清晰地界定了许可范围，"
                                    "提升了谈判地位。启示：一项技术往往需要多种知识产权协同保护。",
                        }),
                    ],
                },
                "en": {
                    "title": "An Overview of Intellectual Property",
                    "body": [
                        ("heading", "Main types of intellectual property"),
                        ("text", "Intellectual property rights are the exclusive rights that the law grants over "
                                 "creations of the mind and commercial signs. The types most relevant to technology "
                                 "transfer are patents, trade secrets (technical information kept secret is usually "
                                 "called know-how), copyright (including software copyright) and trademarks, together "
                                 "with rights in integrated circuit layout designs and new plant varieties. They "
                                 "differ greatly in how they are obtained, what they protect and how long they last."),
                        ("text", "Patents and trademarks must be applied for at the China National Intellectual "
                                 "Property Administration and exist only once granted or registered after examination. "
                                 "Copyright arises automatically when a work is created, and software copyright can be "
                                 "registered to make it easier to prove. Trade secrets need no registration and are "
                                 "protected through the confidentiality measures their owner takes. Knowing these "
                                 "differences helps in choosing the right combination of protection for a technology."),
                        ("heading", "The role of IP in technology transfer"),
                        ("text", "In a technology deal, intellectual property is the legal vehicle for what is being "
                                 "traded. Without clear and stable rights, a technology is hard to price or transfer, "
                                 "and the buyer can hardly secure a protected market position. So the first step in "
                                 "assessing whether a technology can be transferred is to answer four questions: do "
                                 "the rights exist, who owns them, how broad is the protection, and how long does it "
                                 "have left to run?"),
                        ("text", "IP rights are territorial: a patent obtained in China is protected only in China. If "
                                 "the target market for a technology is abroad, protection must be sought in the "
                                 "relevant countries or regions through the Paris Convention route or the Patent "
                                 "Cooperation Treaty (PCT) route. When presenting a technology, a technology manager "
                                 "should state clearly which countries and regions the rights cover."),
                        ("case", {
                            "title": "An IP mix for a machine vision project",
                            "text": "A university team developed an industrial machine vision inspection system "
                                    "consisting of an inspection algorithm, control software and a purpose-built light "
                                    "source. The technology manager helped the team design a combination of "
                                    "protection: an invention patent for the inspection method, a utility model for "
                                    "the light source structure, copyright registration for the control software, and "
                                    "know-how management for the training data and tuning experience. When the team "
                                    "later negotiated a licence, this combination defined the scope of the licence "
                                    "clearly and strengthened its bargaining position. Lesson: a technology often "
                                    "needs several kinds of IP working together.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "专利制度要点",
                    "body": [
                        ("heading", "专利的类型与保护期限"),
                        ("text", "我国专利分为发明、实用新型和外观设计三种。发明是指对产品、方法或者其改进所提出的新的技术方案；"
                                 "实用新型是指对产品的形状、构造或者其结合所提出的适于实用的新的技术方案；外观设计是指对产品的整体或者局部的形状、"
                                 "图案或者其结合以及色彩与形状、图案的结合所作出的富有美感并适于工业应用的新设计。"),
                        ("text", "根据2020年修正、2021年6月1日起施行的专利法，发明专利权的期限为二十年，实用新型专利权的期限为十年，"
                                 "外观设计专利权的期限为十五年，均自申请日起计算。发明专利申请需要经过实质审查，"
                                 "实用新型和外观设计专利申请只进行初步审查，因此后两者授权较快，但权利的稳定性相对较弱。"),
                        ("heading", "授权条件与保护范围"),
                        ("text", "授予专利权的发明和实用新型，应当具备新颖性、创造性和实用性。新颖性要求该技术不属于现有技术，"
                                 "也没有在先申请记载相同内容；创造性要求与现有技术相比，发明具有突出的实质性特点和显著的进步，"
                                 "实用新型具有实质性特点和进步；实用性要求能够制造或者使用，并且能够产生积极效果。"),
                        ("text", "发明或者实用新型专利权的保护范围以其权利要求的内容为准，说明书及附图可以用于解释权利要求的内容。"
                                 "判断一项专利“保护了什么”，必须阅读权利要求书，而不能只看标题和摘要。此外，专利权人应当按时缴纳年费，"
                                 "否则专利权会提前终止。"),
                        ("case", {
                            "title": "只看标题的教训",
                            "text": "某企业看中一项名为“一种高效节能电机”的发明专利，未经专业分析便以较高价格受让。后来发现，"
                                    "该专利的独立权利要求限定了一种特殊的绕组结构，而企业计划采用的方案并不落入其保护范围，"
                                    "竞争对手也可以轻易绕开。这次受让几乎没有为企业带来市场保护。启示：交易前必须由专业人员解读权利要求，"
                                    "评估保护范围是否覆盖实际产品和竞争对手可能采用的方案。",
                        }),
                    ],
                },
                "en": {
                    "title": "Essentials of the Patent System",
                    "body": [
                        ("heading", "Types of patent and terms of protection"),
                        ("text", "China has three kinds of patent: invention, utility model and design. An invention "
                                 "is a new technical solution for a product, a process or an improvement of either. A "
                                 "utility model is a new, practical technical solution concerning the shape or "
                                 "structure of a product, or both. A design is a new design of the whole or part of a "
                                 "product's shape, pattern or their combination, or of colour combined with shape or "
                                 "pattern, that is aesthetically appealing and suitable for industrial application."),
                        ("text", "Under the Patent Law as amended in 2020 and in force since 1 June 2021, invention "
                                 "patents last twenty years, utility model patents ten years and design patents "
                                 "fifteen years, all counted from the filing date. Invention applications undergo "
                                 "substantive examination, whereas utility model and design applications receive only "
                                 "preliminary examination. The latter are therefore granted faster, but the resulting "
                                 "rights are less robust."),
                        ("heading", "Conditions for grant and scope of protection"),
                        ("text", "Inventions and utility models must be novel, inventive and industrially applicable. "
                                 "Novelty means the solution is not part of the prior art and no earlier application "
                                 "describes the same thing. Inventiveness means that, compared with the prior art, an "
                                 "invention has prominent substantive features and represents notable progress, while "
                                 "a utility model has substantive features and represents progress. Applicability "
                                 "means it can be made or used and produces positive effects."),
                        ("text", "The scope of protection of an invention or utility model patent is determined by its "
                                 "claims; the description and drawings may be used to interpret them. To know what a "
                                 "patent protects, you must read the claims, not just the title and abstract. Patent "
                                 "owners must also pay annual fees on time, or the patent will lapse early."),
                        ("case", {
                            "title": "Judging a patent by its title",
                            "text": "A company was attracted by an invention patent entitled 'A high-efficiency "
                                    "energy-saving motor' and bought it at a high price without professional analysis. "
                                    "It later emerged that the independent claim was limited to a particular winding "
                                    "structure; the design the company intended to use did not fall within the claims, "
                                    "and competitors could easily design around them. The purchase gave the company "
                                    "almost no market protection. Lesson: before a deal, have a professional interpret "
                                    "the claims and check whether they cover the actual product and the alternatives "
                                    "competitors might use.",
                        }),
                    ],
                },
            },
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "商业秘密与知识产权风险防范",
                    "body": [
                        ("heading", "商业秘密的保护"),
                        ("text", "根据《反不正当竞争法》，商业秘密是指不为公众所知悉、具有商业价值并经权利人采取相应保密措施的技术信息、"
                                 "经营信息等商业信息。工艺参数、配方、源代码和实验数据等都可能构成技术秘密。与专利不同，"
                                 "商业秘密没有法定的保护期限，只要保密状态持续就一直受到保护。"),
                        ("text", "但是，一旦信息泄露，或者被他人通过独立研发、反向工程合法获得，权利人就难以再主张保护。因此，"
                                 "选择申请专利还是作为技术秘密保护，需要权衡技术是否容易被反向工程、技术生命周期长短以及维权举证难度等因素。"
                                 "在技术许可中，技术秘密常与专利一并许可，合同应当明确秘密信息的范围、保密措施和保密期限。"),
                        ("heading", "常见风险与尽职调查"),
                        ("text", "技术转移中常见的知识产权风险包括：权属不清，如职务成果与个人成果界限模糊、合作研发未约定归属；权利不稳定，"
                                 "如专利可能因缺乏新颖性或创造性被宣告无效；侵权风险，即实施该技术可能落入他人专利的保护范围；"
                                 "以及权利即将届满或因未缴年费而终止等。"),
                        ("text", "防范这些风险的基本手段是知识产权尽职调查：核实专利证书、法律状态和权利人信息，审查研发合同和职务成果认定材料，"
                                 "检索相关现有技术和他人专利，必要时委托专业机构出具专利稳定性分析或自由实施（FTO）分析意见。"),
                        ("case", {
                            "title": "被遗忘的年费",
                            "text": "某研究所将一项发明专利许可给企业，合同签订一年后，企业在准备融资材料时发现，"
                                    "该专利早在签约前就已因未缴年费而终止，随即要求退还许可费并赔偿损失。经查，研究所在人员调整中遗漏了年费管理，"
                                    "签约前也没有核实法律状态。启示：知识产权管理要有制度、有台账，交易前必须核实专利的最新法律状态。",
                        }),
                    ],
                },
                "en": {
                    "title": "Trade Secrets and Managing IP Risks",
                    "body": [
                        ("heading", "Protecting trade secrets"),
                        ("text", "Under the Anti-Unfair Competition Law, a trade secret is technical, business or "
                                 "other commercial information that is not known to the public, has commercial value "
                                 "and is protected by appropriate confidentiality measures taken by its owner. Process "
                                 "parameters, formulas, source code and experimental data may all be know-how. Unlike "
                                 "a patent, a trade secret has no statutory term: it is protected for as long as it "
                                 "stays secret."),
                        ("text", "Once the information leaks, however, or someone obtains it lawfully through "
                                 "independent development or reverse engineering, the owner can hardly claim "
                                 "protection any more. Choosing between a patent and secrecy therefore means weighing "
                                 "how easily the technology can be reverse-engineered, how long its useful life is and "
                                 "how hard infringement would be to prove. In licensing, know-how is often licensed "
                                 "together with patents, and the contract should define the secret information, the "
                                 "confidentiality measures and how long secrecy must be kept."),
                        ("heading", "Common risks and due diligence"),
                        ("text", "Common IP risks in technology transfer include unclear ownership, for example a "
                                 "blurred line between service and personal results or joint research without an "
                                 "ownership agreement; unstable rights, such as a patent that may be invalidated for "
                                 "lack of novelty or inventiveness; infringement risk, where using the technology may "
                                 "fall within someone else's patent claims; and rights that are about to expire or "
                                 "have lapsed for non-payment of fees."),
                        ("text", "The basic defence is IP due diligence: check patent certificates, legal status and "
                                 "owner details; review R&D contracts and the documents establishing whether a result "
                                 "is a service result; search the relevant prior art and third-party patents; and "
                                 "where necessary commission a professional opinion on validity or freedom to operate "
                                 "(FTO)."),
                        ("case", {
                            "title": "The forgotten renewal fee",
                            "text": "A research institute licensed an invention patent to a company. A year later, "
                                    "while preparing documents for a funding round, the company found that the patent "
                                    "had lapsed for non-payment of annual fees even before the licence was signed. It "
                                    "demanded a refund of the licence fee and damages. It turned out that fee "
                                    "management had been dropped during a staff reshuffle, and nobody had checked the "
                                    "legal status before signing. Lesson: manage IP with proper rules and a register, "
                                    "and always verify a patent's current legal status before a deal.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ P-07
    {
        "code": "P-07",
        "module": "practice",
        "delivery": "blended",
        "hours": 6,
        "instructors": ["zhao"],
        "zh": {
            "title": "专利检索与分析",
            "summary": "讲授专利文献的结构、常用检索平台与检索策略以及专利分析的基本方法，线上学习与上机实操相结合，使学员能够独立完成基础检索并解读结果。",
            "objectives": [
                "读懂专利文献的结构和主要著录项目",
                "掌握关键词与分类号相结合的检索策略，熟练使用常用检索平台",
                "能够开展基础的专利态势分析并撰写简要的检索分析报告",
            ],
        },
        "en": {
            "title": "Patent Search and Analysis",
            "summary": "The structure of patent documents, the main search platforms and search strategies, and the "
                       "basics of patent analytics, combining online study with hands-on practice so that trainees can "
                       "run basic searches on their own and interpret the results.",
            "objectives": [
                "Read patent documents and understand their structure and main bibliographic data",
                "Build search strategies that combine keywords with classification codes and use the main search "
                "platforms with confidence",
                "Carry out a basic patent landscape analysis and write a short search report",
            ],
        },
        "lessons": [
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "专利文献与检索类型",
                    "body": [
                        ("heading", "读懂一件专利文献"),
                        ("text", "一件发明专利文献通常包括扉页、权利要求书、说明书及附图。扉页载有申请号、申请日、公开号或授权公告号、申请人、"
                                 "发明人、分类号、优先权和摘要等著录项目；权利要求书界定保护范围；说明书则依次描述技术领域、背景技术、"
                                 "发明内容和具体实施方式。"),
                        ("text", "专利文献的公开存在时间滞后。发明专利申请一般自申请日起满十八个月公布，要求了优先权的自优先权日起计算，"
                                 "因此最近一年半内提交的申请可能尚未公开，检索和分析结论需要对此作出说明。"
                                 "同一发明在多个国家或地区申请所形成的一组专利称为专利族，利用同族信息可以了解技术的国际布局。"),
                        ("heading", "常见的检索类型"),
                        ("text", "根据目的不同，专利检索可以分为：查新检索，用于判断技术是否具备新颖性和创造性；侵权风险检索，"
                                 "也称自由实施（FTO）检索，用于判断实施某项技术是否可能侵犯他人专利；稳定性或无效检索，"
                                 "用于评估某项专利被宣告无效的可能性；法律状态检索，用于核实专利是否有效、权利人是谁；以及技术主题检索，"
                                 "用于了解某一领域的发展与竞争格局。"),
                        ("text", "不同检索类型的范围和判断标准不同。例如，自由实施检索重点关注目标市场内仍然有效的专利及其权利要求；"
                                 "查新检索则要覆盖全球范围内的现有技术，包括论文等非专利文献。明确检索目的，是制定检索策略的第一步。"),
                        ("case", {
                            "title": "先检索，再谈判",
                            "text": "某技术经理人受企业委托引进一项锂电池回收技术。正式谈判前，她做了三项检索：核实对方专利的法律状态和权利人，"
                                    "检索同一领域的主要竞争专利，并初步分析企业拟实施方案的侵权风险。检索发现，"
                                    "该专利的一项关键技术特征在另一家公司更早的专利中已有披露，专利稳定性存疑。企业据此调低了报价，"
                                    "并在合同中增加了权利瑕疵担保条款。启示：检索是技术交易尽职调查的基础环节。",
                        }),
                    ],
                },
                "en": {
                    "title": "Patent Documents and Types of Search",
                    "body": [
                        ("heading", "Reading a patent document"),
                        ("text", "An invention patent document usually consists of a front page, the claims, the "
                                 "description and drawings. The front page carries bibliographic data such as the "
                                 "application number and date, the publication or grant number, applicants, inventors, "
                                 "classification codes, priority and an abstract. The claims define the scope of "
                                 "protection, and the description sets out the technical field, background art, "
                                 "summary of the invention and detailed embodiments."),
                        ("text", "Patent documents are published with a delay. An invention application is normally "
                                 "published eighteen months after the filing date, or after the priority date if "
                                 "priority is claimed, so applications filed in the last year and a half may not yet "
                                 "be visible, and any search or analysis should say so. The set of patents filed for "
                                 "the same invention in several countries or regions is called a patent family; family "
                                 "data show how a technology is protected internationally."),
                        ("heading", "Common types of search"),
                        ("text", "Searches differ by purpose. A novelty or patentability search assesses whether a "
                                 "technology is new and inventive. An infringement risk search, or freedom-to-operate "
                                 "(FTO) search, assesses whether using a technology may infringe others' patents. A "
                                 "validity or invalidation search estimates how likely a patent is to be invalidated. "
                                 "A legal status search checks whether a patent is in force and who owns it. A "
                                 "technology landscape search shows how a field is developing and who the competitors "
                                 "are."),
                        ("text", "Each type has its own scope and standards. An FTO search, for example, focuses on "
                                 "patents still in force in the target market and on their claims, while a novelty "
                                 "search must cover prior art worldwide, including non-patent literature such as "
                                 "journal articles. Being clear about the purpose is the first step in building a "
                                 "search strategy."),
                        ("case", {
                            "title": "Search first, negotiate later",
                            "text": "A technology manager was engaged by a company to bring in a lithium battery "
                                    "recycling technology. Before formal talks she ran three searches: she checked the "
                                    "legal status and ownership of the other side's patent, searched the main "
                                    "competing patents in the field, and made a preliminary assessment of infringement "
                                    "risk for the process the company planned to use. She found that a key feature of "
                                    "the patent had already been disclosed in an earlier patent held by another firm, "
                                    "casting doubt on its validity. The company lowered its offer and added a warranty "
                                    "against defects in title to the contract. Lesson: searching is a basic part of "
                                    "due diligence for any technology deal.",
                        }),
                    ],
                },
            },
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "检索平台与检索策略",
                    "body": [
                        ("heading", "常用检索平台与分类体系"),
                        ("text", "国内常用的免费资源包括国家知识产权局的专利检索及分析系统，"
                                 "以及可查询审查过程和法律状态的中国及多国专利审查信息查询服务。"
                                 "国际上常用的有欧洲专利局的Espacenet和世界知识产权组织的PATENTSCOPE。"
                                 "商业专利数据库通常在数据加工、同族合并和可视化分析方面更为便利，可根据需要选用。"),
                        ("text", "国际专利分类（IPC）是各国通用的专利分类体系，按部、大类、小类、大组、小组逐级细分，例如A部为人类生活必需，"
                                 "H部为电学。欧美专利局还使用更为细化的联合专利分类（CPC）。分类号能够弥补关键词表达不一致的缺陷，"
                                 "是提高检索全面性的重要工具。"),
                        ("heading", "构建与调整检索式"),
                        ("text", "制定检索策略一般遵循以下步骤：分析技术方案，提炼核心技术特征；为每个特征扩展同义词、近义词、"
                                 "上下位概念和英文表达；查找相关分类号；用逻辑运算符组合关键词和分类号，形成检索式；试检索后根据结果不断调整，"
                                 "直至结果的查全率和查准率都令人满意。"),
                        ("text", "逻辑“或”用于合并同义表达，逻辑“与”用于组合不同的技术特征，逻辑“非”用于排除干扰，但应慎用，"
                                 "以免误排相关文献。检索时还可以结合申请人、发明人、申请日等字段进行限定。检索过程和最终检索式应当完整记录，"
                                 "便于复核、更新和向委托方说明。"),
                        ("case", {
                            "title": "同义词带来的差距",
                            "text": "一名初学者检索“无人机电池快速更换”技术，只用了“无人机”和“换电”两个关键词，得到的结果寥寥无几。"
                                    "指导老师建议补充“无人飞行器”“多旋翼”“旋翼飞行器”以及“电池更换”“自动换电”“电池仓”等表达，"
                                    "加入英文检索词，并结合相关分类号。重新检索后结果显著增加，还发现了几件此前遗漏的核心专利。启示："
                                    "检索的全面性取决于对技术术语的充分扩展和对分类号的合理运用。",
                        }),
                    ],
                },
                "en": {
                    "title": "Search Platforms and Strategies",
                    "body": [
                        ("heading", "Main platforms and classification systems"),
                        ("text", "Widely used free resources in China include CNIPA's patent search and analysis "
                                 "system and its China and multi-country patent examination information service, which "
                                 "shows prosecution history and legal status. Internationally, the European Patent "
                                 "Office's Espacenet and WIPO's PATENTSCOPE are widely used. Commercial patent "
                                 "databases usually offer better data cleaning, family grouping and visual analytics, "
                                 "and can be used where needed."),
                        ("text", "The International Patent Classification (IPC) is the classification system used "
                                 "worldwide. It is divided into sections, classes, subclasses, main groups and "
                                 "subgroups; section A, for example, covers human necessities and section H "
                                 "electricity. The European and US patent offices also use the more detailed "
                                 "Cooperative Patent Classification (CPC). Classification codes make up for "
                                 "inconsistent wording and are an important tool for making a search comprehensive."),
                        ("heading", "Building and refining a search query"),
                        ("text", "A search strategy is usually built step by step: analyse the technical solution and "
                                 "pick out its core features; for each feature, list synonyms, related terms, broader "
                                 "and narrower concepts and English equivalents; find the relevant classification "
                                 "codes; combine keywords and codes with Boolean operators into a query; then run "
                                 "trial searches and keep refining until both recall and precision are satisfactory."),
                        ("text", "OR merges alternative expressions, AND combines different technical features, and "
                                 "NOT excludes noise, although NOT should be used sparingly so that relevant documents "
                                 "are not thrown out by mistake. Searches can also be narrowed by fields such as "
                                 "applicant, inventor or filing date. Keep a full record of the search process and the "
                                 "final queries so that the search can be checked, updated and explained to the client."),
                        ("case", {
                            "title": "The difference synonyms make",
                            "text": "A novice searching for rapid battery swapping on drones used only the two "
                                    "keywords 'drone' and 'battery swap' and found very few results. Her supervisor "
                                    "suggested adding terms such as 'unmanned aerial vehicle', 'multirotor' and "
                                    "'rotorcraft', as well as 'battery replacement', 'automatic battery exchange' and "
                                    "'battery compartment', searching in both Chinese and English, and combining them "
                                    "with the relevant classification codes. The new search returned far more results "
                                    "and turned up several core patents she had missed. Lesson: a comprehensive search "
                                    "depends on fully expanding the technical vocabulary and using classification "
                                    "codes well.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "专利分析与检索报告",
                    "body": [
                        ("heading", "基础的专利分析方法"),
                        ("text", "专利分析是在检索结果的基础上对专利数据进行统计和解读，以揭示技术发展和竞争态势。常见的分析维度包括：申请趋势，"
                                 "反映领域热度和发展阶段；申请人，识别主要竞争者和潜在合作方；技术构成，了解各技术分支的分布；地域，"
                                 "观察专利布局的国家和地区；法律状态，区分有效、失效和审查中的专利。"),
                        ("text", "在技术转移工作中，专利分析可以帮助技术经理人为成果寻找潜在受让方，例如找出在相关技术分支持续申请专利的企业；"
                                 "也可以评估成果在领域中的相对位置，例如结合被引用次数、同族规模等指标初步判断专利的重要程度。"
                                 "但这些量化指标只是参考，不能替代对技术内容的实质判断。"),
                        ("heading", "撰写检索分析报告"),
                        ("text", "一份规范的检索分析报告通常包括：检索目的和技术方案概述；检索范围，即所用数据库、时间和地域；检索策略和检索式；"
                                 "检索结果与重点文献分析；结论与建议；以及局限性说明。结论应当客观、有据，避免作出超出检索范围的绝对判断。"),
                        ("text", "对于侵权风险、专利稳定性等涉及法律判断的问题，初级技术经理人应当在报告中注明其结论属于初步意见，"
                                 "并在必要时建议委托专利代理师或律师出具正式意见。本课程的线下实操环节将以真实技术主题为例，"
                                 "指导学员完成一份完整的检索分析报告。"),
                        ("case", {
                            "title": "用专利数据找买家",
                            "text": "某高校的一项新型水处理膜技术迟迟找不到受让方。技术经理人检索了该技术领域近十年的中国专利，"
                                    "统计出持续申请相关专利的二十多家企业，并按照各企业技术分支与学校成果的匹配程度排序。"
                                    "随后她逐一联系排名靠前的企业，其中一家企业正在攻关同类问题，双方很快达成了合作意向。启示："
                                    "专利分析不仅用于防范风险，也是精准寻找合作对象的有力工具。",
                        }),
                    ],
                },
                "en": {
                    "title": "Patent Analytics and Search Reports",
                    "body": [
                        ("heading", "Basic methods of patent analysis"),
                        ("text", "Patent analysis takes search results and interprets the data statistically to reveal "
                                 "technological trends and the competitive landscape. Common dimensions include filing "
                                 "trends, which show how active a field is and what stage it has reached; applicants, "
                                 "to identify the main competitors and potential partners; technology breakdown, to "
                                 "see how filings are spread across branches; geography, to see where patents are "
                                 "filed; and legal status, to separate patents in force, lapsed patents and pending "
                                 "applications."),
                        ("text", "In technology transfer, patent analysis helps technology managers find potential "
                                 "licensees, for example companies that keep filing in the relevant branch. It can "
                                 "also show where a result stands in its field, for example by combining forward "
                                 "citations and family size to form a first view of a patent's importance. These "
                                 "metrics are only indicators, however, and are no substitute for judging the "
                                 "technical content itself."),
                        ("heading", "Writing a search and analysis report"),
                        ("text", "A well-structured report usually contains the purpose of the search and an outline "
                                 "of the technology; the scope, meaning the databases, time span and territories "
                                 "covered; the search strategy and queries; the results and an analysis of the key "
                                 "documents; conclusions and recommendations; and a statement of limitations. "
                                 "Conclusions must be objective and supported by evidence, avoiding categorical "
                                 "statements that go beyond what was searched."),
                        ("text", "Where a question calls for legal judgement, such as infringement risk or patent "
                                 "validity, a primary-level technology manager should mark the conclusion as a "
                                 "preliminary view and, where necessary, recommend obtaining a formal opinion from a "
                                 "patent attorney or lawyer. In the hands-on part of this course, trainees will "
                                 "produce a complete search and analysis report on a real technical topic under "
                                 "guidance."),
                        ("case", {
                            "title": "Using patent data to find a buyer",
                            "text": "A university's new water treatment membrane had failed to find a licensee. The "
                                    "technology manager searched Chinese patents in the field over the past ten years, "
                                    "identified more than twenty companies that had kept filing related patents, and "
                                    "ranked them by how well their technical focus matched the university's result. "
                                    "She then contacted the top-ranked companies one by one; one of them was working "
                                    "on exactly this problem, and the two sides soon agreed to cooperate. Lesson: "
                                    "patent analytics is not only for managing risk but also a powerful tool for "
                                    "finding the right partner.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ P-08
    {
        "code": "P-08",
        "module": "practice",
        "delivery": "online",
        "hours": 5,
        "instructors": ["liu", "wang"],
        "zh": {
            "title": "技术合同签订与认定登记",
            "summary": "围绕技术合同从起草、签订到认定登记的完整流程，讲解关键条款的写法和登记程序，并介绍认定登记与税收优惠、成果转化奖励之间的关系。",
            "objectives": [
                "掌握技术合同标的、价款、验收和责任等关键条款的起草要点",
                "熟悉技术合同认定登记的范围、流程和材料要求",
                "了解认定登记与税收优惠、成果转化奖励之间的关系",
            ],
        },
        "en": {
            "title": "Technology Contract Drafting and Registration",
            "summary": "The full life of a technology contract from drafting and signing to recognition and "
                       "registration: how to write the key clauses, how registration works, and how registration links "
                       "to tax benefits and rewards for commercialisation.",
            "objectives": [
                "Draft the key clauses of a technology contract: subject matter, price, acceptance and liability",
                "Know the scope, procedure and documents of technology contract recognition and registration",
                "Understand how registration relates to tax benefits and to rewards for commercialisation",
            ],
        },
        "lessons": [
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "技术合同关键条款的起草",
                    "body": [
                        ("heading", "标的与范围条款"),
                        ("text", "标的条款是技术合同的核心，应当清楚写明技术名称、技术内容、技术指标和所涉及的知识产权，例如专利号、"
                                 "申请号或者技术秘密的具体范围。许可合同还要明确许可类型、实施方式（如制造、使用、销售）、地域范围、"
                                 "许可期限以及是否允许被许可人再许可。"),
                        ("text", "技术开发合同应当详细约定研究开发的目标、技术路线、阶段计划和交付成果；"
                                 "技术服务合同应当明确需要解决的技术问题和服务完成的标准。标的描述越具体，后续验收和争议处理就越有依据。"
                                 "模糊的表述，如“达到国内领先水平”，往往是日后纠纷的根源。"),
                        ("heading", "价款、验收与责任条款"),
                        ("text", "价款条款应当约定金额、支付方式、支付时间和支付条件。采用提成方式的，要明确提成基数（如销售额或利润）、提成比例、"
                                 "结算周期，以及被许可人报告销售情况、接受查账的义务。验收条款应当约定验收标准、方法、"
                                 "时间和验收不合格时的处理方式。"),
                        ("text", "权利保证和责任条款同样重要：让与人或许可人应当保证其为技术的合法拥有者，并约定第三方提出侵权主张时的处理方式；"
                                 "双方还应约定后续改进成果的归属和分享办法、保密义务、违约责任以及争议解决方式。合同文本起草完成后，"
                                 "建议由熟悉技术合同的律师审核。"),
                        ("case", {
                            "title": "提成条款的“漏洞”",
                            "text": "某研究所与企业约定以“销售额的百分之三”作为许可提成，但合同没有约定销售额的计算口径，"
                                    "也没有约定研究所的查账权。被许可企业后来通过关联公司以明显偏低的价格销售产品，再由关联公司对外高价转售，"
                                    "研究所收到的提成大幅缩水。由于缺乏查账依据，研究所维权十分困难。启示：提成支付必须配套明确的计算基数、"
                                    "定期报告义务和审计条款。",
                        }),
                    ],
                },
                "en": {
                    "title": "Drafting the Key Clauses",
                    "body": [
                        ("heading", "Subject matter and scope"),
                        ("text", "The subject matter clause is the heart of a technology contract. It should state "
                                 "clearly the name of the technology, its content, its technical specifications and "
                                 "the IP involved, such as patent or application numbers or the exact scope of the "
                                 "know-how. A licence should also specify the type of licence, the permitted acts "
                                 "(such as making, using and selling), the territory, the term and whether "
                                 "sublicensing is allowed."),
                        ("text", "A development contract should set out in detail the research goals, technical "
                                 "approach, milestones and deliverables; a service contract should define the "
                                 "technical problem to be solved and the standard for completion. The more specific "
                                 "the description, the firmer the basis for acceptance and for resolving disputes. "
                                 "Vague wording such as 'reaching a leading domestic level' is a common source of "
                                 "later disputes."),
                        ("heading", "Price, acceptance and liability"),
                        ("text", "The price clause should set the amount, method, timing and conditions of payment. "
                                 "For royalties, specify the royalty base (such as sales or profit), the rate, the "
                                 "accounting period and the licensee's duty to report sales and submit to audits. The "
                                 "acceptance clause should set out the acceptance criteria, methods and timing and "
                                 "what happens if the deliverable fails."),
                        ("text", "Warranty and liability clauses are just as important. The assignor or licensor "
                                 "should warrant that it lawfully owns the technology, and the contract should say how "
                                 "third-party infringement claims will be handled. The parties should also agree on "
                                 "ownership and sharing of later improvements, confidentiality, liability for breach "
                                 "and dispute resolution. Once the draft is ready, have it reviewed by a lawyer "
                                 "experienced in technology contracts."),
                        ("case", {
                            "title": "A loophole in the royalty clause",
                            "text": "A research institute agreed a royalty of 3 per cent of sales, but the contract "
                                    "defined neither how sales were calculated nor any right to audit. The licensee "
                                    "later sold its products to an affiliate at an artificially low price, and the "
                                    "affiliate resold them at market price, so the royalties the institute received "
                                    "shrank sharply. With no audit rights, the institute found it very hard to enforce "
                                    "its claims. Lesson: royalties must come with a clear royalty base, regular "
                                    "reporting duties and an audit clause.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "技术合同认定登记的程序",
                    "body": [
                        ("heading", "认定登记的含义与范围"),
                        ("text", "技术合同认定登记，是指技术合同登记机构对当事人申请认定登记的合同是否属于技术合同及属于何种技术合同作出认定，"
                                 "并对其中的技术交易额进行核定和登记的活动。这项制度以科技部、财政部、"
                                 "国家税务总局联合制定的《技术合同认定登记管理办法》为基础，并配套有技术合同认定规则。"),
                        ("text", "可以申请认定登记的合同包括技术开发、技术转让、技术许可、技术咨询和技术服务合同。"
                                 "登记工作由各级科技管理部门设立或指定的技术合同登记机构办理，目前多数地区已通过网上登记系统受理。按照规定，"
                                 "一般由技术合同的卖方，即研究开发方、让与方、许可方或者受托方提出登记申请。"),
                        ("heading", "登记流程与材料"),
                        ("text", "一般流程是：合同签订后，当事人通过登记系统填报合同信息并上传合同文本；登记机构审查合同是否属于技术合同、"
                                 "属于哪一类别，并核定技术交易额；符合条件的予以登记并出具登记证明，不符合条件的不予登记并说明理由。"),
                        ("text", "申请材料通常包括完整的书面合同文本、当事人的主体信息，以及能够证明技术内容的相关附件，如专利证书、"
                                 "技术方案说明等。需要注意的是，合同中的非技术性款项，例如设备、原材料和基建费用，应当与技术性收入区分开来，"
                                 "登记机构只对技术交易额部分予以核定。"),
                        ("case", {
                            "title": "被剔除的设备款",
                            "text": "某公司与客户签订了一份总价500万元的“技术开发合同”，其中约300万元用于采购通用设备。认定登记时，"
                                    "登记机构核定的技术交易额为200万元，设备款不计入技术交易额。"
                                    "公司此前按500万元测算的税收优惠因此大打折扣，财务计划被迫调整。启示："
                                    "起草合同时应当将技术费用与非技术费用分项列明，并提前了解认定规则，以便准确登记、合理预期。",
                        }),
                    ],
                },
                "en": {
                    "title": "The Registration Procedure",
                    "body": [
                        ("heading", "What registration means and what it covers"),
                        ("text", "Recognition and registration of technology contracts is the process by which a "
                                 "registration office decides whether a contract submitted by the parties is a "
                                 "technology contract and of which type, and verifies and records the value of the "
                                 "technology transaction in it. The system rests on the Measures for the "
                                 "Administration of Technology Contract Recognition and Registration, issued jointly "
                                 "by the Ministry of Science and Technology, the Ministry of Finance and the State "
                                 "Taxation Administration, together with the accompanying recognition rules."),
                        ("text", "Contracts eligible for registration include technology development, assignment, "
                                 "licensing, consulting and service contracts. Registration is handled by offices set "
                                 "up or designated by science and technology authorities at various levels, and most "
                                 "regions now accept applications through an online system. As a rule, the application "
                                 "is made by the seller under the contract, meaning the developer, assignor, licensor "
                                 "or service provider."),
                        ("heading", "Procedure and documents"),
                        ("text", "The usual procedure is as follows. After signing, the party enters the contract "
                                 "details in the registration system and uploads the contract. The office examines "
                                 "whether it is a technology contract and of which type and verifies the technology "
                                 "transaction value. If the contract qualifies, it is registered and a certificate "
                                 "issued; if not, registration is refused with reasons."),
                        ("text", "The documents usually required are the complete written contract, details of the "
                                 "parties, and attachments that evidence the technical content, such as patent "
                                 "certificates and technical descriptions. Note that non-technical amounts in the "
                                 "contract, such as payments for equipment, raw materials or construction, should be "
                                 "kept separate from technical income, because the office verifies only the technology "
                                 "transaction value."),
                        ("case", {
                            "title": "Equipment costs taken out",
                            "text": "A company signed a 'technology development contract' worth 5 million yuan in "
                                    "total, of which about 3 million was for buying standard equipment. At "
                                    "registration, the office recognised a technology transaction value of 2 million "
                                    "yuan and excluded the equipment. The tax benefits the company had calculated on 5 "
                                    "million yuan were much reduced, and it had to revise its financial plan. Lesson: "
                                    "itemise technical and non-technical costs separately when drafting, and learn the "
                                    "recognition rules in advance so that registration is accurate and expectations "
                                    "realistic.",
                        }),
                    ],
                },
            },
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "认定登记与税收优惠、转化奖励",
                    "body": [
                        ("heading", "与认定登记相关的税收优惠"),
                        ("text", "技术合同认定登记与多项税收优惠密切相关。按照现行规定，纳税人提供技术转让、技术开发和与之相关的技术咨询、"
                                 "技术服务取得的收入，符合条件的可以免征增值税；居民企业在一个纳税年度内技术转让所得不超过五百万元的部分免征企业所"
                                 "得税，超过五百万元的部分减半征收企业所得税。"),
                        ("text", "享受上述优惠，通常需要以技术合同认定登记或科技主管部门的认定为前提，并按照税务机关要求留存备查资料。"
                                 "具体适用条件和办理要求可能随政策调整而变化，实际操作时应当以最新文件和主管税务机关的意见为准。"),
                        ("heading", "与成果转化统计和奖励的关系"),
                        ("text", "对高校和科研院所而言，经认定登记的技术合同也是开展成果转化统计、核算转化收入和兑现奖励报酬的重要依据。"
                                 "不少单位在内部制度中规定，技术开发、咨询和服务合同经认定登记后，"
                                 "其净收入可以参照科技成果转化收入对科研人员给予奖励。"),
                        ("text", "因此，技术经理人应当帮助科研团队养成“签约即登记”的习惯：合同签订后及时申请登记，妥善保存登记证明，并与财务、"
                                 "科研管理部门做好衔接，确保税收优惠和奖励政策真正落到实处。"),
                        ("case", {
                            "title": "及时登记带来的实惠",
                            "text": "某高校课题组与企业签订了一项150万元的技术开发合同。学校技术转移中心在签约后立即协助办理了认定登记，"
                                    "学校据此就该合同收入享受了增值税免税政策。同时，按照学校制度，"
                                    "这项经登记的技术开发合同的净收入参照成果转化收入，提取一定比例奖励给课题组成员。启示："
                                    "认定登记是把政策红利转化为实际收益的关键一步，技术经理人应当主动提醒、全程协助。",
                        }),
                    ],
                },
                "en": {
                    "title": "Registration, Tax Benefits and Rewards",
                    "body": [
                        ("heading", "Tax benefits linked to registration"),
                        ("text", "Registration of technology contracts is closely tied to several tax benefits. Under "
                                 "current rules, income from technology assignment and technology development, and "
                                 "from related technical consulting and services, may be exempt from VAT if the "
                                 "conditions are met. For resident enterprises, income from technology transfer of up "
                                 "to 5 million yuan in a tax year is exempt from enterprise income tax, and the part "
                                 "above 5 million yuan is taxed at half the normal rate."),
                        ("text", "These benefits usually require the contract to have been recognised and registered, "
                                 "or recognised by the science and technology authority, and the supporting documents "
                                 "to be kept as the tax authority requires. The precise conditions and procedures may "
                                 "change as policy evolves, so always rely on the latest documents and the guidance of "
                                 "the competent tax office."),
                        ("heading", "Links to commercialisation statistics and rewards"),
                        ("text", "For universities and research institutes, registered technology contracts are also "
                                 "an important basis for commercialisation statistics, accounting for "
                                 "commercialisation income and paying rewards. Many institutions' internal rules "
                                 "provide that, once registered, the net income from technology development, "
                                 "consulting and service contracts may be treated like commercialisation income when "
                                 "rewarding researchers."),
                        ("text", "Technology managers should therefore help research teams get into the habit of "
                                 "registering every contract as soon as it is signed, keeping the registration "
                                 "certificates safe and coordinating with the finance and research offices, so that "
                                 "tax benefits and rewards actually reach the people entitled to them."),
                        ("case", {
                            "title": "The payoff of registering promptly",
                            "text": "A university research group signed a technology development contract worth 1.5 "
                                    "million yuan with a company. Right after signing, the university's technology "
                                    "transfer office helped register it, and on that basis the university's income "
                                    "under the contract was exempted from VAT. In addition, under the university's "
                                    "rules, the net income from this registered development contract was treated like "
                                    "commercialisation income, and a share was paid as a reward to the group's "
                                    "members. Lesson: registration is the key step that turns policy benefits into "
                                    "real money, and technology managers should prompt and support it from start to "
                                    "finish.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ P-09
    {
        "code": "P-09",
        "module": "practice",
        "delivery": "online",
        "hours": 5,
        "instructors": ["wang", "sun"],
        "zh": {
            "title": "技术评价基础",
            "summary": "介绍技术评价的目的与维度、技术成熟度评价方法，以及成本法、市场法、收益法三种基本估值思路，帮助学员对一项技术形成有依据的初步判断。",
            "objectives": [
                "理解技术评价的目的、维度和基本流程",
                "能够运用技术就绪水平等工具判断技术成熟度",
                "了解三种基本估值方法的原理、适用场景和局限",
            ],
        },
        "en": {
            "title": "Fundamentals of Technology Evaluation",
            "summary": "The purposes and dimensions of technology evaluation, how to assess technology maturity, and "
                       "the basic logic of the cost, market and income approaches to valuation, so that trainees can "
                       "form an evidence-based first judgement of a technology.",
            "objectives": [
                "Understand the purposes, dimensions and basic process of technology evaluation",
                "Use tools such as technology readiness levels to judge technology maturity",
                "Know the principles, uses and limits of the three basic valuation approaches",
            ],
        },
        "lessons": [
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "技术评价的目的与维度",
                    "body": [
                        ("heading", "为什么要做技术评价"),
                        ("text", "技术评价贯穿技术转移的各个环节：在成果筛选阶段，用于判断哪些成果值得重点推广；在交易准备阶段，"
                                 "用于确定转化方式和价格区间；在投资决策阶段，用于识别技术风险和后续投入需求。评价目的不同，评价的重点、"
                                 "深度和方法也应当有所不同。"),
                        ("text", "近年来，国家推进科技成果评价机制改革，强调全面准确反映成果的科学、技术、经济、社会和文化价值，推行分类评价，"
                                 "并鼓励发展市场化的第三方评价。对技术转移工作而言，最需要关注的是成果的应用价值和经济价值。"),
                        ("heading", "评价的四个维度"),
                        ("text", "技术维度关注技术的先进性、成熟度、可靠性和可替代性，即与现有方案相比优势在哪里、距离实际应用还有多远。"
                                 "法律维度关注知识产权的权属是否清晰、权利是否稳定、保护范围是否合适、剩余保护期有多长，"
                                 "以及实施中是否存在侵权风险。"),
                        ("text", "市场维度关注目标市场的规模和增长、客户的痛点、竞争产品和进入壁垒；经济维度关注实施该技术所需的投入、"
                                 "预期收益和投资回收期。四个维度相互关联，任何一个维度存在重大缺陷，都可能使一项“好技术”无法成为一笔“好交易”。"),
                        ("case", {
                            "title": "先进不等于有价值",
                            "text": "某团队研发的新型气体传感器灵敏度比市场主流产品高出一个数量级，团队因此对转让价格期望很高。"
                                    "技术经理人组织评价后发现，目标客户对灵敏度的需求早已被现有产品满足，而新传感器的成本却是现有产品的数倍。"
                                    "团队随后调整方向，将技术用于对灵敏度要求极高的科研分析仪器，找到了合适的合作企业。启示："
                                    "技术指标必须放到具体的市场需求中去衡量。",
                        }),
                    ],
                },
                "en": {
                    "title": "Purposes and Dimensions of Technology Evaluation",
                    "body": [
                        ("heading", "Why evaluate a technology?"),
                        ("text", "Evaluation runs through every stage of technology transfer. When screening results, "
                                 "it tells you which deserve priority marketing; when preparing a deal, it helps "
                                 "choose the route and the price range; when deciding on investment, it identifies "
                                 "technical risks and the further investment needed. Different purposes call for "
                                 "different emphasis, depth and methods."),
                        ("text", "In recent years China has been reforming how research results are evaluated, "
                                 "stressing a full and accurate picture of their scientific, technological, economic, "
                                 "social and cultural value, evaluation by category, and the growth of market-based "
                                 "third-party evaluation. For technology transfer, what matters most is a result's "
                                 "practical and economic value."),
                        ("heading", "Four dimensions of evaluation"),
                        ("text", "The technical dimension covers how advanced, mature, reliable and replaceable the "
                                 "technology is: what advantage it has over existing solutions and how far it is from "
                                 "real use. The legal dimension covers whether ownership of the IP is clear, whether "
                                 "the rights are stable, whether the scope of protection is right, how much of the "
                                 "term remains, and whether using the technology risks infringement."),
                        ("text", "The market dimension covers the size and growth of the target market, customers' "
                                 "pain points, competing products and barriers to entry. The economic dimension covers "
                                 "the investment needed to use the technology, the expected returns and the payback "
                                 "period. The four are interlinked: a serious weakness in any one of them can stop a "
                                 "good technology from becoming a good deal."),
                        ("case", {
                            "title": "Advanced is not the same as valuable",
                            "text": "A team developed a new gas sensor an order of magnitude more sensitive than "
                                    "mainstream products and expected a high price accordingly. The evaluation "
                                    "organised by the technology manager showed that target customers' sensitivity "
                                    "needs were already met by existing products, while the new sensor cost several "
                                    "times as much. The team changed course and applied the technology to scientific "
                                    "analytical instruments, where extreme sensitivity is essential, and found a "
                                    "suitable partner. Lesson: technical performance must be measured against concrete "
                                    "market needs.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "技术成熟度评价",
                    "body": [
                        ("heading", "技术就绪水平"),
                        ("text", "技术就绪水平（TRL）最早由美国航空航天局提出，后来被广泛用于评估技术的成熟程度。它通常分为九个等级："
                                 "从第一级的基本原理被发现和报告，经过实验室验证、相关环境验证、原型演示等中间阶段，"
                                 "直至第九级的实际系统在真实运行环境中得到成功验证。我国在科研项目管理和相关国家标准中也引入了类似的分级方法。"),
                        ("text", "判断成熟度的关键是证据。每个等级都应当有对应的验证结果支撑，例如实验数据、样机测试报告、"
                                 "中试记录或者用户试用报告。仅凭论文或专利文本的描述，通常只能证明技术处于较低的等级。"),
                        ("heading", "成熟度与转化路径"),
                        ("text", "不同成熟度的技术，适合不同的转化方式和交易对象。低成熟度技术风险高、后续投入大，更适合以合作开发、"
                                 "作价投资或引入早期投资的方式推进；中等成熟度技术需要中试熟化，可以争取概念验证资金或与企业共建中试线；"
                                 "高成熟度技术则更容易直接转让或许可。"),
                        ("text", "技术经理人在推介时应当如实说明技术所处的阶段，以及距离产业化还缺少哪些环节，帮助需求方合理评估后续投入，"
                                 "避免因期望落差导致合作失败。对成熟度的准确判断，也是后续估值和谈判的重要基础。"),
                        ("case", {
                            "title": "卡在中试的“好成果”",
                            "text": "某研究院研发的一种生物基可降解材料在实验室中性能优异，但技术经理人评估后认为，它仅完成了实验室小批量制备，"
                                    "缺少连续化生产的数据。他没有急于寻找买家，而是协助团队申请了地方概念验证资金，并与一家企业共建小型中试线。"
                                    "一年后，技术的成熟度明显提升，研究院以更有利的条件完成了许可。启示：准确判断成熟度，才能选对转化路径和时机。",
                        }),
                    ],
                },
                "en": {
                    "title": "Assessing Technology Maturity",
                    "body": [
                        ("heading", "Technology readiness levels"),
                        ("text", "Technology readiness levels (TRL) were first developed by NASA and are now widely "
                                 "used to assess how mature a technology is. There are usually nine levels: from level "
                                 "1, where basic principles have been observed and reported, through intermediate "
                                 "stages such as laboratory validation, validation in a relevant environment and "
                                 "prototype demonstration, up to level 9, where the actual system has been proven in "
                                 "its real operating environment. China has adopted similar scales in research project "
                                 "management and related national standards."),
                        ("text", "The key to judging maturity is evidence. Each level should be backed by matching "
                                 "validation results, such as experimental data, prototype test reports, pilot records "
                                 "or user trial reports. A description in a paper or a patent alone usually shows only "
                                 "that a technology is at a low level."),
                        ("heading", "Maturity and the route to market"),
                        ("text", "Technologies at different levels of maturity suit different routes and partners. "
                                 "Immature technologies carry high risk and need heavy further investment, so they are "
                                 "better advanced through joint development, equity investment or early-stage funding. "
                                 "Technologies of medium maturity need pilot-scale work and can seek proof-of-concept "
                                 "funding or a pilot line built with a company. Mature technologies are easier to "
                                 "assign or license directly."),
                        ("text", "When presenting a technology, a technology manager should state honestly what stage "
                                 "it has reached and what is still missing before industrial use. This helps buyers "
                                 "estimate the further investment needed and prevents partnerships from failing "
                                 "because of mismatched expectations. An accurate view of maturity is also an "
                                 "important basis for valuation and negotiation."),
                        ("case", {
                            "title": "A good result stuck before scale-up",
                            "text": "A research institute developed a bio-based biodegradable material that performed "
                                    "very well in the lab. The technology manager judged, however, that only small "
                                    "laboratory batches had been made and that there were no data on continuous "
                                    "production. Rather than rushing to find a buyer, he helped the team apply for "
                                    "local proof-of-concept funding and build a small pilot line with a company. A "
                                    "year later the technology was clearly more mature, and the institute licensed it "
                                    "on better terms. Lesson: judge maturity accurately to choose the right route and "
                                    "the right moment.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "技术估值的基本方法",
                    "body": [
                        ("heading", "三种基本方法"),
                        ("text", "成本法从重置或开发该技术所需的成本出发估算价值，计算相对直观，但技术的价值与其研发投入往往并不对应，"
                                 "因此一般只作为参考，或用于测算交易底价。市场法通过比较近期类似技术的交易价格来估算价值，依赖可比案例的可获得性，"
                                 "而技术交易信息大多不公开，找到真正可比的案例并不容易。"),
                        ("text", "收益法通过预测技术未来能够带来的收益，并按适当的折现率折算为现值来估算价值，是技术估值中最常用的方法。"
                                 "其中的收益分成法，先预测使用该技术的产品所产生的收益，再按照技术对收益的贡献确定技术应分得的部分。"
                                 "收益法的关键在于收益预测、分成率、折现率和收益期限等参数是否合理。"),
                        ("heading", "如何运用估值结果"),
                        ("text", "估值结果应当是一个有依据的区间，而不是一个精确的数字。在实际交易中，价格最终由双方谈判确定，"
                                 "估值的意义在于为谈判提供理性参考和底线，并帮助向决策者和公众解释定价依据。涉及国有科技成果的交易，"
                                 "还应当按照相关规定履行决策和公示程序。"),
                        ("text", "初级技术经理人应当理解三种方法的基本逻辑和局限，能够读懂评估报告，发现明显不合理的假设；对于金额较大或程序要求较高的交易，应当委托具备相应资质的评估机构出具专业报告。"),
                        ("case", {
                            "title": "一份过于乐观的预测",
                            "text": "某评估报告采用收益法对一项专利估值2000万元，其关键假设是产品上市第一年即占据百分之二十的市场份额。"
                                    "技术经理人在复核时指出，这一假设远高于同类新产品的一般表现，而且没有考虑产线建设和客户认证所需的时间。"
                                    "评估机构调整假设后，估值区间降至600万至900万元，双方据此很快达成一致。启示：估值是否可信，"
                                    "取决于关键假设是否经得起推敲。",
                        }),
                    ],
                },
                "en": {
                    "title": "Basic Approaches to Valuation",
                    "body": [
                        ("heading", "The three basic approaches"),
                        ("text", "The cost approach estimates value from what it would cost to recreate or develop the "
                                 "technology. It is easy to calculate, but a technology's value often bears little "
                                 "relation to what was spent on it, so the cost approach is generally used only as a "
                                 "reference or to set a floor price. The market approach estimates value by comparison "
                                 "with recent deals for similar technologies. It depends on finding comparable cases, "
                                 "which is hard because most technology deals are not made public."),
                        ("text", "The income approach forecasts the returns a technology will generate and discounts "
                                 "them to present value at a suitable rate. It is the most widely used approach for "
                                 "technology. One version, the relief-from-royalty or profit-split method, first "
                                 "forecasts the returns from products using the technology and then assigns the "
                                 "technology its share according to its contribution. Everything hinges on whether the "
                                 "forecast returns, the split or royalty rate, the discount rate and the period of "
                                 "returns are reasonable."),
                        ("heading", "Using valuation results"),
                        ("text", "A valuation should be a well-supported range, not a precise figure. In practice the "
                                 "price is settled by negotiation; the valuation provides a rational reference point "
                                 "and a floor for the talks, and helps explain the basis of the price to "
                                 "decision-makers and the public. Deals involving state-owned results must also go "
                                 "through the required decision-making and public notice procedures."),
                        ("text", "Primary-level technology managers should understand the basic logic and limits of "
                                 "the three approaches, be able to read a valuation report and spot clearly "
                                 "unreasonable assumptions. For large deals, or where procedures demand it, a "
                                 "qualified valuation firm should be engaged to issue a professional report."),
                        ("case", {
                            "title": "An over-optimistic forecast",
                            "text": "A valuation report used the income approach to value a patent at 20 million yuan, "
                                    "assuming the product would win 20 per cent of the market in its first year. "
                                    "Reviewing the report, the technology manager pointed out that this was far above "
                                    "what comparable new products usually achieve and ignored the time needed to build "
                                    "a production line and gain customer qualification. After the valuer revised the "
                                    "assumptions, the range fell to 6 to 9 million yuan, and the parties quickly "
                                    "reached agreement on that basis. Lesson: a valuation is only as credible as its "
                                    "key assumptions.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ P-10
    {
        "code": "P-10",
        "module": "capability",
        "delivery": "online",
        "hours": 4,
        "instructors": ["wang", "chen"],
        "zh": {
            "title": "技术营销与供需对接",
            "summary": "讲解科技成果的挖掘与推介、企业技术需求的调研与分析，以及供需对接活动的组织方法，提升技术经理人的市场推广能力。",
            "objectives": [
                "掌握科技成果筛选和推介材料撰写的方法",
                "能够开展企业技术需求调研，并把需求转化为可对接的技术问题",
                "熟悉路演、对接会等供需对接活动的组织和会后跟进要点",
            ],
        },
        "en": {
            "title": "Technology Marketing and Matchmaking",
            "summary": "How to identify and present research results, how to investigate and analyse companies' "
                       "technology needs, and how to organise matchmaking events, building the technology manager's "
                       "marketing skills.",
            "objectives": [
                "Screen research results and write effective marketing materials",
                "Investigate companies' technology needs and turn them into technical problems that can be matched",
                "Organise pitches and matchmaking events and follow them up effectively",
            ],
        },
        "lessons": [
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "成果挖掘与推介材料",
                    "body": [
                        ("heading", "从成果中发现“好苗子”"),
                        ("text", "高校和科研院所的成果数量众多，但并非每项成果都适合转化。技术经理人可以从专利清单、"
                                 "结题项目和科研团队访谈等渠道入手，按照技术成熟度、权利状况、市场需求和团队意愿等标准进行初步筛选，"
                                 "建立重点成果库，把有限的精力集中在最有潜力的项目上。"),
                        ("text", "与科研团队沟通时，不仅要了解技术原理和性能指标，还要问清楚：这项技术解决了什么问题，与现有方案相比优势在哪里，"
                                 "还需要什么条件才能实际应用，团队对转化方式和合作对象有什么期望。这些信息是后续推介和谈判的基础。"),
                        ("heading", "撰写面向企业的推介材料"),
                        ("text", "推介材料的读者是企业的决策者和工程师，而不是论文评审专家。一份好的推介材料通常包括：应用场景与痛点，"
                                 "技术方案概述，关键性能指标及与竞品的对比，知识产权情况，成熟度和已有验证，建议的合作方式以及联系方式。"
                                 "篇幅以一到两页为宜。"),
                        ("text", "推介材料应当使用通俗、准确的语言，用数据说话，避免夸大和空泛的形容词。对外公开的版本不应包含核心技术秘密，"
                                 "详细资料应在对方签署保密协议后再提供。同时，要区分已经验证的结果和预期效果，不能把实验室数据当作量产指标来宣传。"),
                        ("case", {
                            "title": "一页纸的改写",
                            "text": "某团队最初的推介材料是一份二十多页的项目结题报告，企业看后不得要领。技术经理人将其改写为一页纸："
                                    "开头写明“可使注塑件废品率降低约三成”，中间列出与现有工艺的对比数据和专利情况，最后提出“先小批量试用、"
                                    "再签订许可”的合作建议。改写后的材料通过行业协会发布，一周内就收到多家企业的咨询。启示："
                                    "推介材料要从客户能获得的收益讲起。",
                        }),
                    ],
                },
                "en": {
                    "title": "Finding Results and Writing Marketing Materials",
                    "body": [
                        ("heading", "Spotting promising results"),
                        ("text", "Universities and research institutes produce a great many results, but not all of "
                                 "them are suitable for commercialisation. Technology managers can start from patent "
                                 "lists, completed projects and interviews with research teams, screen results against "
                                 "criteria such as maturity, rights position, market demand and the team's "
                                 "willingness, and build a priority portfolio so that limited effort goes into the "
                                 "most promising projects."),
                        ("text", "When talking to a research team, go beyond the principles and performance figures. "
                                 "Ask what problem the technology solves, what advantages it has over existing "
                                 "solutions, what else is needed before it can be used in practice, and what the team "
                                 "expects in terms of route and partners. This information is the foundation for later "
                                 "marketing and negotiation."),
                        ("heading", "Writing for industry"),
                        ("text", "Marketing materials are read by company decision-makers and engineers, not by peer "
                                 "reviewers. A good technology profile usually covers the application and the pain "
                                 "point, an outline of the technical solution, key performance figures compared with "
                                 "competing products, the IP position, the maturity and validation achieved so far, "
                                 "the proposed form of cooperation and contact details. One or two pages is ideal."),
                        ("text", "Use plain, precise language, let the data speak and avoid exaggeration and vague "
                                 "adjectives. The public version must not contain core know-how; detailed material "
                                 "should be provided only after the other party has signed a confidentiality "
                                 "agreement. Distinguish results that have been verified from expected effects, and "
                                 "never present laboratory data as production-scale performance."),
                        ("case", {
                            "title": "Rewriting it on one page",
                            "text": "A team's original marketing material was a completion report of more than twenty "
                                    "pages, and companies could not see the point. The technology manager rewrote it "
                                    "on a single page: it opened with 'cuts the scrap rate of injection-moulded parts "
                                    "by about 30 per cent', then set out comparative data against the existing process "
                                    "and the patent position, and ended by proposing a small trial batch followed by a "
                                    "licence. Published through an industry association, the new profile drew "
                                    "enquiries from several companies within a week. Lesson: start marketing materials "
                                    "with what the customer gains.",
                        }),
                    ],
                },
            },
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "企业技术需求挖掘",
                    "body": [
                        ("heading", "需求的来源与类型"),
                        ("text", "企业技术需求可能来自产品升级、成本压力、质量问题、环保和安全要求，或者进入新市场的战略规划。"
                                 "按照清晰程度和紧迫程度，需求大致可以分为明确的技术难题、较为模糊的改进方向和潜在的战略性需求。"
                                 "明确的难题最容易对接，潜在需求则需要技术经理人通过深入沟通加以挖掘。"),
                        ("text", "获取需求的渠道包括企业走访、问卷调查、行业协会和园区的需求征集、政府部门的技术需求发布平台，以及对企业招聘信息、"
                                 "专利申请和产品动态的观察。其中，深入生产一线的实地走访往往能获得最真实、最具体的信息。"),
                        ("heading", "把需求“翻译”成技术问题"),
                        ("text", "企业描述的需求常常是现象或目标，例如“产品老是开裂”“希望降低能耗”。技术经理人需要通过追问，"
                                 "把它转化为可以对接的技术问题：问题出现在哪道工序，涉及什么材料，现有工艺参数是多少，目标指标是什么，"
                                 "企业愿意投入多少资金和时间，对知识产权归属有什么要求。"),
                        ("text", "整理后的需求应当形成规范的需求说明，包括问题背景、技术指标、约束条件、期望的合作方式和预算范围。"
                                 "清晰的需求说明能够帮助科研团队快速判断自己能否承接，也能显著提高对接的成功率。"),
                        ("case", {
                            "title": "“降成本”背后的真问题",
                            "text": "一家食品企业提出的需求是“降低生产成本”。技术经理人深入车间调研后发现，成本偏高的主要原因是干燥工序能耗大，"
                                    "而且产品含水率不均匀导致大量返工。她把需求重新表述为“提高干燥均匀性并降低单位产品能耗”，"
                                    "据此找到一所高校的干燥工艺团队，双方通过技术服务合同完成了工艺改造。启示：需求挖掘的关键，"
                                    "是找到能够被技术解决的具体问题。",
                        }),
                    ],
                },
                "en": {
                    "title": "Uncovering Companies' Technology Needs",
                    "body": [
                        ("heading", "Where needs come from"),
                        ("text", "Companies' technology needs may stem from product upgrades, cost pressure, quality "
                                 "problems, environmental and safety requirements or plans to enter new markets. By "
                                 "how clear and urgent they are, needs fall roughly into well-defined technical "
                                 "problems, vaguer directions for improvement and latent strategic needs. Well-defined "
                                 "problems are the easiest to match; latent needs have to be drawn out by the "
                                 "technology manager through in-depth conversation."),
                        ("text", "Needs can be gathered through company visits, questionnaires, calls for needs by "
                                 "industry associations and science parks, government platforms that publish "
                                 "technology needs, and by watching companies' job advertisements, patent filings and "
                                 "product news. Visiting the shop floor in person often yields the most genuine and "
                                 "specific information."),
                        ("heading", "Translating needs into technical problems"),
                        ("text", "Companies often describe a need as a symptom or a goal, such as 'our products keep "
                                 "cracking' or 'we want to cut energy use'. The technology manager must keep asking "
                                 "questions to turn this into a technical problem that can be matched: at which step "
                                 "does the problem occur, what materials are involved, what are the current process "
                                 "parameters, what is the target, how much money and time will the company invest, and "
                                 "what does it expect regarding IP ownership?"),
                        ("text", "The result should be a structured statement of need covering the background, "
                                 "technical targets, constraints, preferred form of cooperation and budget. A clear "
                                 "statement helps research teams decide quickly whether they can take the work on, and "
                                 "greatly improves the success rate of matchmaking."),
                        ("case", {
                            "title": "The real problem behind cutting costs",
                            "text": "A food company said it needed to cut production costs. Investigating on the shop "
                                    "floor, the technology manager found that the main causes were the high energy use "
                                    "of the drying step and uneven moisture content, which led to a lot of rework. She "
                                    "restated the need as improving drying uniformity and reducing energy use per unit "
                                    "of output, found a university team specialising in drying processes, and the two "
                                    "sides upgraded the process under a technical service contract. Lesson: the key to "
                                    "uncovering needs is finding a specific problem that technology can solve.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": False,
                "zh": {
                    "title": "供需对接活动的组织",
                    "body": [
                        ("heading", "常见的对接形式"),
                        ("text", "供需对接的形式包括一对一精准对接、专题技术对接会、成果路演、技术交易会以及线上发布平台等。一对一对接针对性强、"
                                 "成功率高，适合已经初步匹配的项目；专题对接会和路演适合集中展示多项成果，扩大影响。"),
                        ("text", "组织对接活动前，应当做好双向匹配：根据企业需求筛选成果，根据成果特点邀请企业，而不是简单地把人聚在一起。"
                                 "活动前向双方提供对方的简要资料，事先明确交流的重点问题，有助于提高对接效率。"),
                        ("heading", "路演与会后跟进"),
                        ("text", "成果路演一般控制在十分钟左右，重点讲清楚四件事：解决什么问题，技术优势有多大，目前处于什么阶段，"
                                 "希望以什么方式合作。科研人员往往习惯学术报告的表达方式，技术经理人应当提前帮助他们梳理内容、演练节奏。"),
                        ("text", "对接活动的成效更多体现在会后。技术经理人应当及时整理意向信息，分别与双方沟通，推动技术交流、实地考察、"
                                 "样品测试等后续步骤，并记录每个项目的进展。一次对接会当场促成的合作可能不多，但持续跟进能够显著提高最终的成交率。"),
                        ("case", {
                            "title": "会后第三天的电话",
                            "text": "某市举办新材料专题对接会，一家电子企业对某高校的高导热复合材料表现出兴趣，但没有当场表态。会后第三天，"
                                    "技术经理人主动致电企业，了解到其主要顾虑是样品能否通过下游客户的认证测试。她随即协调高校提供样品，"
                                    "并联系第三方检测机构安排测试。三个月后，双方签订了技术开发合同。启示：对接会只是起点，"
                                    "成交取决于会后的持续跟进。",
                        }),
                    ],
                },
                "en": {
                    "title": "Organising Matchmaking Events",
                    "body": [
                        ("heading", "Common formats"),
                        ("text", "Matchmaking takes many forms: targeted one-to-one meetings, themed technology "
                                 "matchmaking sessions, pitch events, technology fairs and online platforms. "
                                 "One-to-one meetings are focused and have a high success rate, so they suit projects "
                                 "that have already been provisionally matched; themed sessions and pitch events suit "
                                 "showcasing many results at once and reaching a wider audience."),
                        ("text", "Before an event, do the matching in both directions: select results according to "
                                 "companies' needs and invite companies according to the results on offer, rather than "
                                 "simply putting people in a room. Sending each side a short profile of the other in "
                                 "advance and agreeing the key questions to discuss makes the event far more "
                                 "productive."),
                        ("heading", "Pitches and follow-up"),
                        ("text", "A pitch should last about ten minutes and make four points clear: what problem it "
                                 "solves, how big the technical advantage is, what stage it has reached and what kind "
                                 "of cooperation is sought. Researchers are used to giving academic talks, so the "
                                 "technology manager should help them restructure the content and rehearse the "
                                 "delivery beforehand."),
                        ("text", "The real results of an event show up afterwards. The technology manager should "
                                 "promptly sort out the expressions of interest, talk to each side separately, move "
                                 "things on to technical discussions, site visits and sample testing, and keep a "
                                 "record of each project's progress. Few deals are struck on the day, but persistent "
                                 "follow-up markedly increases how many deals eventually close."),
                        ("case", {
                            "title": "The phone call on day three",
                            "text": "At a city's new materials matchmaking event, an electronics company showed "
                                    "interest in a university's high thermal conductivity composite but made no "
                                    "commitment. Three days later the technology manager called the company and "
                                    "learned that its main concern was whether samples could pass its downstream "
                                    "customers' qualification tests. She arranged for the university to supply samples "
                                    "and booked tests with a third-party laboratory. Three months later the two sides "
                                    "signed a technology development contract. Lesson: the event is only the starting "
                                    "point; deals depend on persistent follow-up.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ P-11
    {
        "code": "P-11",
        "module": "capability",
        "delivery": "offline",
        "hours": 4,
        "instructors": ["wang", "liu"],
        "zh": {
            "title": "商务谈判基础",
            "summary": "介绍技术交易谈判的特点、准备方法和常用策略，并通过线下模拟谈判，训练学员在价格、支付方式和权利条款上的协商能力。",
            "objectives": [
                "理解技术交易谈判的特点和基本原则",
                "掌握谈判前的信息准备、目标设定和方案设计方法",
                "能够运用基本谈判策略处理价格和条款上的分歧",
            ],
        },
        "en": {
            "title": "Negotiation Fundamentals",
            "summary": "The features of technology deal negotiations, how to prepare and the most useful tactics, with "
                       "in-person mock negotiations that train trainees to negotiate price, payment structure and "
                       "rights clauses.",
            "objectives": [
                "Understand the features and basic principles of negotiating technology deals",
                "Prepare information, set goals and design offers before a negotiation",
                "Use basic negotiation tactics to resolve disagreements over price and terms",
            ],
        },
        "lessons": [
            {
                "minutes": 30,
                "required": True,
                "zh": {
                    "title": "技术交易谈判的特点与原则",
                    "body": [
                        ("heading", "技术谈判有何不同"),
                        ("text", "技术交易谈判的标的是无形的技术和权利，其价值高度依赖未来的应用效果，双方对价值的判断往往差距很大。同时，"
                                 "技术交易通常不是一次性买卖，而是包含技术交付、培训指导、后续改进和长期付款的持续合作关系，因此谈判既要争取利益，"
                                 "也要为长期合作打下信任基础。"),
                        ("text", "技术谈判的参与方往往较多：卖方可能包括科研人员、技术转移机构和单位管理层，买方可能包括技术、生产、"
                                 "财务和法务部门。各方关注点不同：科研人员重视技术认可和后续研究，管理层关注合规与收益，企业技术人员关心能否落地，"
                                 "财务人员则关心投入与回报。"),
                        ("heading", "谈判的基本原则"),
                        ("text", "技术交易谈判应当坚持互利共赢、诚实守信和依法合规。所谓共赢，并不是简单地平分利益，"
                                 "而是通过了解各方真正的利益所在，设计出让双方都比不合作更好的方案。技术经理人作为谈判的组织者或代表，"
                                 "需要在维护委托方利益的同时保持专业、理性和克制。"),
                        ("case", {
                            "title": "发明人的“隐形诉求”",
                            "text": "在一次专利许可谈判中，企业报价明显低于学校预期，谈判陷入僵局。技术经理人私下与发明人沟通后发现，"
                                    "发明人更看重的是企业能否为后续研究提供生产线试验条件。于是她提出调整方案：适当降低入门费，提高销售提成比例，"
                                    "并约定企业为课题组提供中试验证条件。双方很快达成协议。启示：了解各方的真实关切，"
                                    "往往能在价格之外找到解决办法。",
                        }),
                    ],
                },
                "en": {
                    "title": "Features and Principles of Technology Negotiation",
                    "body": [
                        ("heading", "What makes technology negotiations different"),
                        ("text", "In a technology negotiation, what is traded is intangible technology and rights "
                                 "whose value depends heavily on how they perform in future use, so the parties' views "
                                 "of value often differ widely. A technology deal is also rarely a one-off sale: it is "
                                 "usually an ongoing relationship involving delivery of technology, training, later "
                                 "improvements and payments over years. A negotiation must therefore secure your "
                                 "interests and also lay the foundations of trust for long-term cooperation."),
                        ("text", "Technology negotiations often involve many people. The seller's side may include "
                                 "researchers, the technology transfer office and the institution's management; the "
                                 "buyer's side may include technical, production, finance and legal staff. Each has "
                                 "different concerns: researchers care about recognition and further research, "
                                 "management about compliance and income, the company's engineers about whether the "
                                 "technology will work in production, and finance staff about investment and return."),
                        ("heading", "Basic principles"),
                        ("text", "Technology negotiations should rest on mutual benefit, good faith and compliance "
                                 "with the law. Mutual benefit does not mean simply splitting the gains; it means "
                                 "understanding what each side really needs and designing a deal that leaves both "
                                 "better off than no deal. As organiser or representative, the technology manager must "
                                 "defend the client's interests while remaining professional, rational and measured."),
                        ("case", {
                            "title": "The inventor's hidden priority",
                            "text": "In a patent licence negotiation, the company's offer was well below the "
                                    "university's expectations and the talks stalled. Speaking privately with the "
                                    "inventor, the technology manager learned that what he valued most was access to "
                                    "the company's production line for further research. She proposed a revised "
                                    "package: a somewhat lower upfront fee, a higher royalty rate, and a commitment by "
                                    "the company to provide pilot-testing facilities for the research group. Agreement "
                                    "came quickly. Lesson: understanding each party's real concerns often reveals "
                                    "solutions beyond price.",
                        }),
                    ],
                },
            },
            {
                "minutes": 35,
                "required": True,
                "zh": {
                    "title": "谈判前的准备",
                    "body": [
                        ("heading", "信息准备"),
                        ("text", "充分的准备是谈判成功的一半。谈判前需要掌握的信息包括：技术本身的成熟度、知识产权状况和估值区间；"
                                 "对方企业的经营状况、技术需求、支付能力和内部决策流程；类似技术的交易价格和常见的合同条款；以及本方的政策约束，"
                                 "例如单位对定价、公示和决策程序的要求。"),
                        ("heading", "目标与方案设计"),
                        ("text", "谈判前应当明确三个关键点：理想目标，即希望争取到的最佳结果；底线，即低于此条件宁可不成交；以及最佳替代方案，"
                                 "即谈判破裂后本方的最好选择。替代方案越有吸引力，谈判中的底气就越足。例如，如果另一家企业也表达了明确意向，"
                                 "本方在价格上就有更大的坚持空间。"),
                        ("text", "技术交易的条款可以灵活组合，例如入门费与提成的比例、支付节奏、许可范围、独占程度、"
                                 "技术服务内容和改进成果的归属等。事先准备几套不同组合的方案，可以在谈判中根据对方的反应灵活调整，"
                                 "在总价值大致相当的前提下满足双方不同的偏好。"),
                        ("text", "此外，还要明确谈判团队的分工和授权范围：谁主谈，谁回答技术问题，谁负责记录；哪些事项可以当场决定，"
                                 "哪些需要回去请示。授权不清容易导致口头承诺无法兑现，进而损害本方的信誉。"),
                        ("case", {
                            "title": "一张准备清单",
                            "text": "某技术经理人代表研究所谈判一项催化剂技术许可前，准备了一张清单：对方近三年的经营情况和扩产计划，"
                                    "同类技术的公开交易信息，研究所可接受的最低入门费，两套不同的付款方案，以及另一家潜在被许可企业的接触情况。"
                                    "谈判中对方试图大幅压价，她从容地提出了替代付款方案，并明确表示研究所还有其他选择，"
                                    "最终达成了双方都能接受的条件。启示：准备越充分，谈判中越能掌握主动。",
                        }),
                    ],
                },
                "en": {
                    "title": "Preparing for a Negotiation",
                    "body": [
                        ("heading", "Gathering information"),
                        ("text", "Good preparation is half the battle. Before negotiating, you need to know the "
                                 "technology's maturity, IP position and valuation range; the other company's business "
                                 "situation, technology needs, ability to pay and internal decision process; the "
                                 "prices and usual terms of deals for similar technologies; and your own constraints, "
                                 "such as your institution's rules on pricing, public notice and approval."),
                        ("heading", "Setting goals and designing offers"),
                        ("text", "Be clear about three things before you start: your target, the best outcome you hope "
                                 "to achieve; your walk-away point, below which you would rather not deal; and your "
                                 "best alternative, meaning your best option if talks fail. The more attractive your "
                                 "alternative, the more confident you can be. If another company has also shown firm "
                                 "interest, for example, you have more room to hold your price."),
                        ("text", "The terms of a technology deal can be combined flexibly: the balance between upfront "
                                 "fee and royalties, the payment schedule, the field of use, the degree of "
                                 "exclusivity, the technical services included and ownership of improvements. "
                                 "Preparing several packages in advance lets you adapt to the other side's reactions "
                                 "and meet both parties' preferences while keeping the overall value roughly the same."),
                        ("text", "Also settle the team's roles and mandate: who leads, who answers technical "
                                 "questions, who takes notes, and which points can be decided on the spot and which "
                                 "need referral back. An unclear mandate easily leads to verbal commitments that "
                                 "cannot be honoured, which damages your credibility."),
                        ("case", {
                            "title": "A preparation checklist",
                            "text": "Before negotiating a catalyst licence on behalf of a research institute, a "
                                    "technology manager drew up a checklist: the other company's results over the past "
                                    "three years and its expansion plans, public information on deals for similar "
                                    "technologies, the lowest upfront fee the institute would accept, two different "
                                    "payment packages, and the state of contacts with another potential licensee. When "
                                    "the company tried to push the price down sharply, she calmly offered an "
                                    "alternative payment package and made clear that the institute had other options. "
                                    "The parties settled on terms both could accept. Lesson: the better prepared you "
                                    "are, the more you control the negotiation.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": True,
                "zh": {
                    "title": "谈判策略与模拟演练",
                    "body": [
                        ("heading", "常用谈判策略"),
                        ("text", "开价要有依据。首次报价可以略高于期望目标，并能用估值依据加以解释，为后续让步留出空间，"
                                 "但明显脱离实际的报价会损害信誉。让步要有节奏、有条件，每一次让步都应争取对方相应的回报，例如“如果提高提成比例，"
                                 "我们可以降低入门费”。"),
                        ("text", "面对分歧时，要关注利益而不是立场。例如，企业坚持压低价格，可能是因为对技术风险没有把握，此时可以用分期付款、"
                                 "按里程碑付款或提成支付等方式分担风险，而不是单纯在总价上讨价还价。暂时无法达成一致的问题，可以先搁置，"
                                 "待其他条款形成共识后再回头处理。"),
                        ("heading", "模拟演练与复盘"),
                        ("text", "本课程的线下环节将以真实案例改编的场景开展模拟谈判。学员分组扮演技术持有方、企业和技术经理人，围绕许可价格、"
                                 "支付方式、许可范围和改进成果归属等议题展开谈判，讲师全程观察并进行点评。"),
                        ("text", "每轮谈判结束后都应当及时复盘：目标是否实现，哪些让步是必要的，哪些信息准备不足，对方的关键关切是什么。"
                                 "实际工作中，谈判达成的共识应当及时形成书面备忘录并由双方确认，作为起草合同的依据。"),
                        ("case", {
                            "title": "里程碑付款打破僵局",
                            "text": "某企业希望引进一项医疗器械相关技术，但担心产品注册失败，只愿意支付较低的一次性价款；"
                                    "技术持有方则认为技术价值被严重低估。技术经理人提出按里程碑付款：签约时支付入门费，"
                                    "产品取得注册证后支付第二笔款项，上市后再按销售额提成。这一方案兼顾了双方对风险的不同判断，谈判得以顺利完成。"
                                    "启示：灵活的支付结构是化解估值分歧的有效工具。",
                        }),
                    ],
                },
                "en": {
                    "title": "Negotiation Tactics and Role-Play",
                    "body": [
                        ("heading", "Useful tactics"),
                        ("text", "Anchor your opening offer in evidence. It can be a little above your target, "
                                 "provided you can justify it with your valuation, which leaves room for concessions; "
                                 "an offer clearly detached from reality, however, damages your credibility. Make "
                                 "concessions gradually and conditionally, seeking something in return each time, for "
                                 "example: 'If you raise the royalty rate, we can lower the upfront fee.'"),
                        ("text", "When you disagree, focus on interests rather than positions. If a company insists on "
                                 "a lower price, it may be because it is unsure about the technical risk; instalments, "
                                 "milestone payments or royalties can share that risk better than haggling over the "
                                 "total. Issues that cannot be settled yet can be parked and revisited once the other "
                                 "terms are agreed."),
                        ("heading", "Role-play and debriefing"),
                        ("text", "The in-person part of this course runs mock negotiations based on adapted real "
                                 "cases. Trainees work in groups playing the technology owner, the company and the "
                                 "technology manager, negotiating the licence fee, payment terms, scope of the licence "
                                 "and ownership of improvements, while the instructor observes throughout and gives "
                                 "feedback."),
                        ("text", "Debrief after every round: were the goals met, which concessions were necessary, "
                                 "where was preparation lacking, and what were the other side's key concerns? In real "
                                 "work, whatever is agreed should promptly be written up in a memorandum confirmed by "
                                 "both sides, which then serves as the basis for drafting the contract."),
                        ("case", {
                            "title": "Milestone payments break the deadlock",
                            "text": "A company wanted to acquire a technology for a medical device but, worried that "
                                    "product registration might fail, would only pay a low lump sum; the owner felt "
                                    "its technology was badly undervalued. The technology manager proposed milestone "
                                    "payments: an upfront fee on signing, a second payment once the product obtained "
                                    "its registration certificate, and royalties on sales after launch. The structure "
                                    "reconciled the two sides' different views of the risk, and the negotiation "
                                    "concluded smoothly. Lesson: a flexible payment structure is an effective way to "
                                    "bridge differences in valuation.",
                        }),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------ P-12
    {
        "code": "P-12",
        "module": "capability",
        "delivery": "blended",
        "hours": 6,
        "instructors": ["chen", "sun"],
        "zh": {
            "title": "典型案例研讨",
            "summary": "通过高校专利许可、科技成果作价投资和产学研合作三类典型案例的研讨，综合运用前期所学的法律、评价和谈判知识，提升分析和解决实际问题的能力。",
            "objectives": [
                "能够综合运用所学知识分析技术转移案例中的关键问题",
                "理解许可、作价投资和合作开发在实际操作中的要点与风险",
                "通过小组研讨提升综合判断和交易方案设计能力",
            ],
        },
        "en": {
            "title": "Case Studies",
            "summary": "Three typical cases, a university patent licence, an equity investment of research results and "
                       "a university-industry collaboration, in which trainees draw together what they have learned "
                       "about law, evaluation and negotiation to analyse and solve real problems.",
            "objectives": [
                "Apply what you have learned to analyse the key issues in technology transfer cases",
                "Understand the practical points and risks of licensing, equity investment and joint development",
                "Strengthen judgement and deal design through group discussion",
            ],
        },
        "lessons": [
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "案例一：高校专利独占许可",
                    "body": [
                        ("heading", "案例背景"),
                        ("text", "某理工大学化工学院的研究团队开发出一种用于生产高纯电子化学品的提纯工艺，已获得两项发明专利授权，"
                                 "并完成了小试和初步的中试验证。一家电子材料企业希望引进该工艺建设生产线，要求获得独占许可，"
                                 "并希望以一次性付款为主。"),
                        ("text", "学校技术转移中心接手后首先开展了尽职调查：核实专利的法律状态和职务成果属性，确认团队成员均为在职教师、"
                                 "研发经费来自政府科研项目，且此前未与其他企业签订过相关合同；通过检索评估了专利的保护范围和侵权风险；"
                                 "并对目标市场规模和企业的生产能力进行了调研。"),
                        ("heading", "交易方案与研讨问题"),
                        ("text", "经过多轮谈判，双方商定：在电子化学品领域授予独占许可，期限与专利有效期一致；"
                                 "许可费采用“入门费加销售提成”的方式；学校团队提供为期一年的技术指导；后续改进成果按约定分享。"
                                 "学校按照内部制度完成了决策和公示程序，并在签约后办理了技术合同认定登记。"),
                        ("text", "请分组讨论：为什么要把独占许可限定在特定领域？如果企业坚持一次性付款，"
                                 "学校应当如何评估其中的风险？在职务科技成果奖励的分配中，学校需要履行哪些程序？请结合前期课程内容，形成小组意见。"),
                        ("case", {
                            "title": "延伸情境：独占被许可人迟迟不实施",
                            "text": "签约两年后，企业因市场变化迟迟没有实际投产，学校的提成收入几乎为零，而由于是独占许可，"
                                    "学校也无法再许可其他企业。学校能采取什么措施？参考思路："
                                    "独占许可合同中应当约定被许可人的最低实施义务或年度最低提成，"
                                    "以及未达要求时将独占许可转为普通许可或解除合同的机制。启示：独占许可越有价值，越需要配套约束条款。",
                        }),
                    ],
                },
                "en": {
                    "title": "Case 1: An Exclusive University Patent Licence",
                    "body": [
                        ("heading", "Background"),
                        ("text", "A research team at the chemical engineering school of a university of technology "
                                 "developed a purification process for high-purity electronic chemicals. Two invention "
                                 "patents had been granted, and laboratory trials and initial pilot-scale validation "
                                 "were complete. An electronic materials company wanted to use the process in a new "
                                 "production line, asked for an exclusive licence and preferred to pay mainly in a "
                                 "lump sum."),
                        ("text", "The university's technology transfer office began with due diligence. It checked the "
                                 "patents' legal status and confirmed they were service results: all team members were "
                                 "current staff, the research had been funded by government research programmes, and "
                                 "no related contract had been signed with any other company. It searched to assess "
                                 "the scope of the patents and the infringement risk, and it researched the size of "
                                 "the target market and the company's production capacity."),
                        ("heading", "The deal and questions for discussion"),
                        ("text", "After several rounds of talks, the parties agreed on an exclusive licence limited to "
                                 "the electronic chemicals field for the life of the patents; payment by an upfront "
                                 "fee plus royalties on sales; one year of technical support from the university team; "
                                 "and sharing of later improvements as agreed. The university completed its internal "
                                 "decision and public notice procedures and registered the contract after signing."),
                        ("text", "Discuss in groups: why limit the exclusive licence to a particular field? If the "
                                 "company insists on a lump sum, how should the university assess the risks? What "
                                 "procedures must the university follow when distributing rewards for a service "
                                 "result? Draw on earlier courses and agree a group view."),
                        ("case", {
                            "title": "Extension: an exclusive licensee that does not exploit",
                            "text": "Two years after signing, market changes led the company to postpone production "
                                    "indefinitely. The university's royalty income was close to zero, and because the "
                                    "licence was exclusive it could not license anyone else. What can the university "
                                    "do? Points to consider: an exclusive licence should set minimum performance "
                                    "obligations or minimum annual royalties for the licensee, and provide for "
                                    "conversion to a non-exclusive licence or termination if they are not met. Lesson: "
                                    "the more valuable exclusivity is, the more it needs safeguards.",
                        }),
                    ],
                },
            },
            {
                "minutes": 45,
                "required": True,
                "zh": {
                    "title": "案例二：科技成果作价投资",
                    "body": [
                        ("heading", "案例背景"),
                        ("text", "某科研院所的团队研发出一种用于农田智能监测的核心传感技术，目前处于样机验证阶段，市场前景较好，"
                                 "但仍需两到三年的产品开发。团队负责人希望成立公司推动产业化，院所也支持以科技成果作价投资的方式参与。"),
                        ("text", "在方案设计中，院所面临一系列问题：以专利所有权还是使用权出资；如何确定作价金额；院所持股比例多大，"
                                 "才能既保障单位权益又不影响公司后续融资；按照奖励政策给予团队的股权如何落实；"
                                 "团队成员在公司任职是否符合单位关于兼职和离岗创业的规定。"),
                        ("heading", "方案与研讨问题"),
                        ("text", "最终方案是：院所将相关专利作价入股新设公司，作价金额参考第三方评估机构的价值分析意见，由各方协商确定；"
                                 "按照单位制度，将作价投资所得股份的较大比例奖励给成果完成团队；一家早期投资机构同时以现金入股，"
                                 "为产品开发提供资金。院所在公司治理中保留必要的知情权，但不干预日常经营。"),
                        ("text", "请分组讨论：与许可相比，作价投资有哪些优势和风险？团队获得股权奖励时，"
                                 "可以关注哪些税收政策？如果公司后续融资失败，院所和团队分别会面临什么后果？请分别从院所、"
                                 "团队和投资人三方的角度进行分析。"),
                        ("case", {
                            "title": "延伸情境：作价过高的隐患",
                            "text": "另一家单位在类似项目中坚持把科技成果作价定得很高，使技术股在公司中的占比过大。"
                                    "投资机构认为现金出资方的权益被过度稀释，而且公司治理难以推进，最终放弃投资，公司因缺乏资金而停滞。启示："
                                    "作价投资的估值要兼顾公司后续融资和团队激励的需要，技术股比例并非越高越好。",
                        }),
                    ],
                },
                "en": {
                    "title": "Case 2: Investing Research Results as Equity",
                    "body": [
                        ("heading", "Background"),
                        ("text", "A team at a research institute developed a core sensing technology for smart "
                                 "monitoring of farmland. It is at the prototype validation stage and has good market "
                                 "prospects, but needs another two to three years of product development. The team "
                                 "leader wanted to found a company to bring it to market, and the institute was "
                                 "willing to take part by contributing the technology as equity."),
                        ("text", "Designing the deal raised a series of questions for the institute: should it "
                                 "contribute ownership of the patents or only the right to use them? How should the "
                                 "contribution be valued? How large a stake should it hold to protect its interests "
                                 "without hindering later fundraising? How would the equity reward for the team be "
                                 "implemented? And would team members' roles in the company comply with the "
                                 "institute's rules on outside posts and leave to start businesses?"),
                        ("heading", "The solution and questions for discussion"),
                        ("text", "In the end, the institute contributed the patents as equity in a new company, at a "
                                 "value negotiated by the parties with reference to a third-party valuation firm's "
                                 "analysis. Under the institute's rules, a large share of the resulting equity was "
                                 "awarded to the team that produced the result. An early-stage investor subscribed for "
                                 "shares in cash at the same time to fund product development. The institute kept the "
                                 "information rights it needed in the company's governance but stayed out of "
                                 "day-to-day management."),
                        ("text", "Discuss in groups: what are the advantages and risks of equity investment compared "
                                 "with licensing? Which tax policies should the team look at when receiving an equity "
                                 "reward? If the company later fails to raise money, what happens to the institute and "
                                 "to the team? Analyse the case from the standpoint of the institute, the team and the "
                                 "investor in turn."),
                        ("case", {
                            "title": "Extension: the danger of overvaluation",
                            "text": "In a similar project, another institution insisted on a very high value for its "
                                    "technology, giving the technology shares an outsized stake in the company. The "
                                    "investor felt that cash shareholders would be excessively diluted and that "
                                    "governance would be unworkable, and walked away; starved of funds, the company "
                                    "stalled. Lesson: when valuing a technology contribution, take into account the "
                                    "company's future fundraising and the team's incentives; a bigger technology stake "
                                    "is not always better.",
                        }),
                    ],
                },
            },
            {
                "minutes": 40,
                "required": False,
                "zh": {
                    "title": "案例三：产学研合作与共有专利纠纷",
                    "body": [
                        ("heading", "案例背景"),
                        ("text", "某装备制造企业与一所高校签订合作开发合同，共同研发新一代数控系统。合同约定企业出资、高校派出研发团队，"
                                 "双方共同参与研发，但关于成果归属只写了“双方共有”，没有约定共有专利的实施、许可和收益分配方式。"),
                        ("text", "项目完成后，双方共同申请并获得了多项专利。随后高校计划将其中一项专利许可给另一家企业，"
                                 "合作企业认为这会扶持自己的竞争对手，坚决反对；而企业自己实施专利获得了可观收益，高校要求分享，企业拒绝，"
                                 "双方由此产生争议。"),
                        ("heading", "法律分析与研讨问题"),
                        ("text", "根据专利法，专利申请权或者专利权的共有人对权利的行使有约定的，从其约定；没有约定的，"
                                 "共有人可以单独实施或者以普通许可方式许可他人实施该专利，许可他人实施的，收取的使用费应当在共有人之间分配。"
                                 "除上述情形外，行使共有的专利权应当取得全体共有人的同意。据此，本案中高校以普通许可方式许可他人并无法律障碍，"
                                 "企业自行实施也无需向高校付费。"),
                        ("text", "请分组讨论：这一法定规则在本案中对哪一方更有利？如果你是合同起草阶段的技术经理人，"
                                 "会在合同中增加哪些条款？请各小组为本案设计一套共有专利管理条款，并在线下研讨环节进行展示和互评。"),
                        ("case", {
                            "title": "延伸情境：事前约定化解纠纷",
                            "text": "另一对合作伙伴在签约时就约定：共有专利由企业在其主营领域独占实施，企业按销售额的一定比例向高校支付使用费；"
                                    "高校可以在其他领域对外许可，收益按约定比例分配；任何一方转让其共有份额时，另一方享有同等条件下的优先受让权。"
                                    "双方合作多年，从未发生争议。启示：共有知识产权的规则应当在合作开始前就谈清楚、写明白。",
                        }),
                    ],
                },
                "en": {
                    "title": "Case 3: A Joint Patent Dispute in University-Industry Collaboration",
                    "body": [
                        ("heading", "Background"),
                        ("text", "An equipment manufacturer and a university signed a cooperative development contract "
                                 "to develop a new generation of CNC systems. The company provided funding and the "
                                 "university a research team, and both took part in the work. On ownership of results, "
                                 "however, the contract said only that they would be jointly owned; it said nothing "
                                 "about how jointly owned patents would be exploited, licensed or how income would be "
                                 "shared."),
                        ("text", "When the project ended, the two parties jointly applied for and obtained several "
                                 "patents. The university then planned to license one of them to another company. The "
                                 "partner company objected strongly, arguing that this would help a competitor. "
                                 "Meanwhile the company was earning substantial income by using the patents itself; "
                                 "the university asked for a share, the company refused, and a dispute arose."),
                        ("heading", "Legal analysis and questions for discussion"),
                        ("text", "Under the Patent Law, where co-owners of a patent or patent application have agreed "
                                 "how the rights are to be exercised, that agreement governs. Without an agreement, "
                                 "any co-owner may exploit the patent alone or grant non-exclusive licences to others, "
                                 "and royalties from licensing must be shared among the co-owners. Any other exercise "
                                 "of the jointly owned rights requires the consent of all co-owners. In this case, "
                                 "therefore, nothing in law stops the university from granting a non-exclusive "
                                 "licence, and the company owes the university nothing for using the patent itself."),
                        ("text", "Discuss in groups: which party does this default rule favour here? If you had been "
                                 "the technology manager when the contract was drafted, what clauses would you have "
                                 "added? Each group should design a set of clauses for managing the jointly owned "
                                 "patents and present them for peer review in the in-person workshop."),
                        ("case", {
                            "title": "Extension: agreeing in advance avoids disputes",
                            "text": "Another pair of partners agreed at signing that the company would exploit the "
                                    "joint patents exclusively in its core business and pay the university a "
                                    "percentage of sales; that the university could license the patents to others in "
                                    "other fields, sharing the income in agreed proportions; and that if either party "
                                    "assigned its share, the other would have a right of first refusal on equal terms. "
                                    "They have worked together for years without a single dispute. Lesson: the rules "
                                    "for jointly owned IP should be negotiated and written down before the "
                                    "collaboration begins.",
                        }),
                    ],
                },
            },
        ],
    },
]
