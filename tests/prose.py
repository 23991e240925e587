"""Clean news-like prose, assembled from parts (no boilerplate at all), for the boilerplate tests.

Deterministic: ``documents(lang, n, seed)`` always gives the same documents. Sentences mention the
words boilerplate rules look for (版权, 来源, 分享, 首页, 评论, copyright, share, privacy...), and
documents carry titles, bylines, datelines, subheads and list items, as real articles do.
"""

from __future__ import annotations

import random

_ZH_WHO = [
    "市政府",
    "区教育局",
    "省统计局",
    "该公司",
    "研究团队",
    "当地居民",
    "多位专家",
    "市场监管部门",
    "志愿者们",
    "这家出版社",
    "市图书馆",
    "街道办事处",
    "交通运输部门",
    "该平台",
    "不少网友",
    "合作社",
]
_ZH_DID = [
    "召开专题会议，研究部署下一阶段的重点工作",
    "发布了一份关于城市更新的调查报告",
    "在新闻发布会上介绍了今年的工作进展",
    "针对群众反映强烈的问题制定了整改方案",
    "与高校合作开展了为期半年的田野调查",
    "公布了新修订的著作权保护实施细则",
    "对辖区内的老旧小区进行了全面摸排",
    "启动了面向中小企业的数字化转型扶持计划",
    "在社区里开设了免费的法律咨询服务点",
    "宣布将在明年春天之前完成全部改造任务",
]
_ZH_MORE = [
    "据介绍，这批文物的来源已经查清，将在博物馆新馆开馆后向公众展出",
    "有关负责人表示，未经许可转载他人作品属于侵权行为，版权方有权依法维权",
    "许多市民在朋友圈分享了自己的体验，认为这项举措确实解决了实际困难",
    "记者在现场看到，前来咨询的群众络绎不绝，工作人员耐心解答每一个问题",
    "专家认为，稳定的资金来源是项目能够长期运行的关键",
    "该网站首页的改版方案征求了上千名用户的意见，评论区里的建议被逐条整理",
    "广告行业的从业者也关注到了这一变化，纷纷调整投放策略",
    "去年全市共接待游客两千三百万人次，旅游收入同比增长百分之十二",
    "下一步，相关部门将继续加强监管，确保各项政策落到实处",
    "报道发出后，不少读者通过热线电话反映了类似情况",
    "这部纪录片下载量突破百万，关注这一题材的年轻观众越来越多",
    "会议强调，要坚持问题导向，把群众满意作为衡量工作的根本标准",
]
_ZH_QUOTE = [
    "“我们会一直坚持下去。”她说。",
    "“这件事情关系到每一户人家。”他告诉记者。",
    "“版权保护不是一句空话。”一位律师说。",
    "是。",
    "他点了点头：“对，就是这样。”",
]
_ZH_TITLE = [
    "市政府召开常务会议部署春节工作",
    "老旧小区改造全面提速",
    "著作权保护实施细则公布",
    "版权局：严厉打击网络侵权盗版",
    "新能源汽车成为经济增长新来源",
    "乡村图书馆里的新变化",
    "广告法修订草案首次提请审议",
    "分享经济改变城市出行",
    "春运首日客流平稳有序",
]
_ZH_SUB = [
    "一、总体要求",
    "二、主要任务",
    "三、保障措施",
    "（一）加强组织领导",
    "（二）强化资金保障",
    "专家观点",
    "记者手记",
    "背景资料",
]
_ZH_BYLINE = [
    "（记者张三）",
    "本报记者 李明 王强 摄",
    "新华社北京1月4日电",
    "本报讯（记者 赵林峰）",
    "文/王小明",
    "（完）",
]

_EN_WHO = [
    "The city council",
    "The education department",
    "A team of researchers",
    "Local residents",
    "The company",
    "Several experts",
    "The regulator",
    "Volunteers",
    "The publisher",
    "The library",
    "Transport officials",
    "The platform",
    "Many readers",
    "The union",
]
_EN_DID = [
    "met on Tuesday to discuss the budget for the coming year",
    "published a report on housing conditions in the northern districts",
    "announced new rules on copyright protection for digital works",
    "said the plan would be reviewed again before the summer",
    "launched a program to help small businesses move online",
    "opened a free legal advice center in the old market hall",
    "warned that the share of households in debt had risen sharply",
    "promised to finish the repairs before the end of the spring",
    "asked residents to share their views at a public meeting",
    "agreed to publish the source code of the voting software",
]
_EN_MORE = [
    "The source of the funding has not been disclosed, officials said",
    "Critics argue that the copyright rules favour large publishers over independent authors",
    "Shares of the company rose five percent after the announcement",
    "Privacy advocates said the cameras would collect far more data than needed",
    "More than two thousand people have signed a petition asking for a public inquiry",
    "The home page of the project lists every meeting held since March",
    "Readers who follow the story closely will recall that the first plan was rejected",
    "Advertising revenue at the newspaper fell for the third year in a row",
    "The next hearing is scheduled for the end of the month",
    "Residents said they had been waiting for the new bus line for years",
    "The terms of the agreement were not made public",
]
_EN_QUOTE = [
    '"We will not back down," she said.',
    '"This matters to every family in the city," he told reporters.',
    "Yes.",
    '"Copyright is not a technicality," one lawyer said.',
]
_EN_TITLE = [
    "City council approves new budget for public transport",
    "Copyright battle heats up over AI training data",
    "Share prices fall as inflation fears grow",
    "Privacy concerns grow as more cities install cameras",
    "Follow the money: how the budget was spent",
    "Local library turns a page",
    "Next steps for the inquiry",
]
_EN_SUB = [
    "What happens next",
    "Background",
    "1. Reduce emissions by 2030",
    "2. Expand rural bus services",
    "The numbers",
]
_EN_BYLINE = [
    "By Jane Doe",
    "By JOHN SMITH and MARIA GARCIA, Associated Press",
    "BEIJING, Jan. 4 (Xinhua) --",
    "(END)",
]


def _zh_paragraph(rng: random.Random) -> str:
    sentences = [f"{rng.choice(_ZH_WHO)}{rng.choice(_ZH_DID)}。"]
    for _ in range(rng.randint(1, 4)):
        sentences.append(f"{rng.choice(_ZH_MORE)}{rng.choice('。。。！')}")
    return "".join(sentences)


def _en_paragraph(rng: random.Random) -> str:
    sentences = [f"{rng.choice(_EN_WHO)} {rng.choice(_EN_DID)}."]
    for _ in range(rng.randint(1, 3)):
        sentences.append(f"{rng.choice(_EN_MORE)}.")
    return " ".join(sentences)


def document(lang: str, rng: random.Random) -> list[str]:
    """One clean article: title, maybe a byline, paragraphs with subheads, quotes and list items."""
    zh = lang == "zh"
    title, sub, byline = (
        (_ZH_TITLE, _ZH_SUB, _ZH_BYLINE) if zh else (_EN_TITLE, _EN_SUB, _EN_BYLINE)
    )
    quote, paragraph = (_ZH_QUOTE, _zh_paragraph) if zh else (_EN_QUOTE, _en_paragraph)
    lines = [rng.choice(title)]
    if rng.random() < 0.6:
        lines.append(rng.choice(byline[:-1]))
    for _ in range(rng.randint(3, 9)):
        roll = rng.random()
        if roll < 0.12:
            lines.append(rng.choice(sub))
        elif roll < 0.22:
            lines.append(rng.choice(quote))
        lines.append(paragraph(rng))
    if rng.random() < 0.3:
        lines.append(byline[-1])
    return lines


def documents(lang: str, n: int, seed: int = 0) -> list[list[str]]:
    rng = random.Random(f"{lang}-{seed}")
    return [document(lang, rng) for _ in range(n)]
