"""Deterministic news-like prose in Simplified Chinese and English, written for newsclean's benches.

Sentences come from hand-written templates with slots filled from small word lists, so that
paragraphs are varied (no two are near-copies) while the character and word distribution reads
like real news. Nothing here is copied from a corpus. Traditional Chinese is made from the
Simplified text with OpenCC ``s2t`` by the callers.
"""

from __future__ import annotations

import random

ZH_CITIES = "北京 上海 广州 深圳 杭州 南京 武汉 成都 西安 郑州 焦作 洛阳 苏州 天津 重庆 长沙 合肥 济南 青岛 厦门 昆明 兰州 沈阳 哈尔滨".split()
ZH_SURNAMES = "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧".split()
ZH_GIVEN = "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 建华 志强 晓东 海燕 文博 思远 雨桐 子涵 浩然 欣怡".split()
ZH_ORGS = "市政府 省委 国家统计局 教育部 市人大常委会 发展改革委 生态环境局 交通运输局 人民银行 卫生健康委 文化和旅游局 科技局 住房城乡建设局 农业农村局 商务局 公安局".split()
ZH_TOPICS = "稳增长 促就业 乡村振兴 生态保护 科技创新 营商环境 城市更新 公共服务 数字经济 养老服务 教育改革 医疗保障 文旅融合 交通建设 安全生产 粮食安全".split()
ZH_THINGS = "项目 工程 园区 平台 学校 医院 公园 地铁线路 产业集群 示范区 服务中心 数据中心 物流枢纽 保障性住房 污水处理厂 体育场馆".split()
ZH_VERBS = "推进 落实 部署 加快 完善 深化 强化 优化 提升 保障 推动 启动 建设 改造 扩大 巩固".split()

ZH_TEMPLATES = [
    "{date}，{city}{org}召开专题会议，研究部署{topic}工作。",
    "会议指出，要坚持问题导向，{verb}{topic}各项任务，确保取得实效。",
    "据{org}介绍，今年以来全市共完成{thing}建设{n}个，总投资约{money}亿元。",
    "{person}表示，下一步将继续{verb}{topic}，让群众有更多获得感。",
    "截至{month}底，{city}{thing}累计服务群众{big}人次，同比增长{pct}。",
    "记者在现场看到，施工人员正在紧张有序地作业，{thing}主体结构已基本完工。",
    "“我们的目标是在{year}年底前全面建成投用。”{org}负责人{person}说。",
    "数据显示，前{q}季度{city}地区生产总值增长{pct}，高于全省平均水平。",
    "{city}将围绕{topic}，谋划实施一批{thing}，力争{year}年取得突破。",
    "与会人员一致认为，{topic}关系群众切身利益，必须抓紧抓实。",
    "上午{hour}时，{city}{thing}正式开工，{person}出席仪式并宣布开工。",
    "今年{city}计划新建和改造{thing}{n}处，新增就业岗位{big}个。",
    "专家指出，{topic}需要政府、企业和社会多方协同，形成工作合力。",
    "在{city}的一个社区，居民{person}告诉记者，家门口的{thing}让生活方便了许多。",
    "{org}相关负责人介绍，目前已有{n}家企业提交申请，审核工作正在进行中。",
    "针对群众反映集中的问题，{city}{org}建立了问题清单，逐项明确责任和时限。",
    "根据安排，{thing}将分{q}期建设，一期工程预计{year}年{m}月完工。",
    "{person}强调，各级各部门要压实责任，{verb}工作措施，确保各项目标按期完成。",
    "此外，{city}还将{verb}{topic}相关政策，加大资金支持力度。",
    "今年前{m}个月，{city}实现社会消费品零售总额{money}亿元，增长{pct}。",
    "据了解，该{thing}建成后，每年可服务周边群众约{big}人。",
    "发布会上，{org}通报了{topic}工作的最新进展，并回答了记者提问。",
    "{city}市民{person}说：“这几年变化很大，出门办事越来越方便了。”",
    "下一步，{org}将加强督促检查，对工作不力的单位进行通报。",
    "多位代表建议，进一步{verb}{topic}的配套措施，提高政策的精准性。",
    "{date}，记者从{city}{org}获悉，{thing}项目已完成投资{money}亿元。",
    "该负责人表示，将认真梳理各方意见建议，及时修改完善实施方案。",
    "近年来，{city}持续{verb}{topic}，城乡面貌发生了显著变化。",
    "统计显示，全市{thing}覆盖率已达到{pct}，比去年提高{n}个百分点。",
    "{person}在调研时指出，要把{topic}放在更加突出的位置，久久为功。",
]

EN_CITIES = "London Paris Berlin Madrid Rome Lisbon Dublin Vienna Warsaw Prague Oslo Helsinki Athens Boston Chicago Denver Seattle Toronto Sydney Auckland".split()
EN_FIRST = "Anna James Maria David Sofia Daniel Laura Thomas Elena Michael Sarah Peter Julia Mark Clara Lucas Emma Henry Olivia Samuel".split()
EN_LAST = "Smith Garcia Müller Rossi Novak Dubois Jensen Kowalski O'Brien Silva Costa Fischer Moreau Walsh Nielsen Brennan Lindqvist Horvat Keller Duarte".split()
EN_ORGS = [
    "the city council",
    "the health ministry",
    "the central bank",
    "the transport authority",
    "the school board",
    "the energy regulator",
    "the planning department",
    "the port authority",
    "the police service",
    "the water utility",
    "the statistics office",
    "the housing agency",
]
EN_TOPICS = [
    "housing costs",
    "public transport",
    "school funding",
    "water quality",
    "energy prices",
    "flood defences",
    "hospital waiting times",
    "road safety",
    "air pollution",
    "youth unemployment",
    "broadband coverage",
    "local taxes",
    "child care",
    "recycling rates",
]
EN_THINGS = [
    "bridge",
    "tram line",
    "library",
    "clinic",
    "sports hall",
    "bus depot",
    "wind farm",
    "harbour wall",
    "primary school",
    "data centre",
    "housing estate",
    "cycle lane",
]
EN_VERBS = [
    "review",
    "expand",
    "fund",
    "delay",
    "approve",
    "scrap",
    "redesign",
    "speed up",
    "audit",
    "reopen",
]

EN_TEMPLATES = [
    "{City} officials said on {day} that they would {verb} plans for a new {thing}, citing concerns over {topic}.",
    "The decision follows months of debate over {topic}, which residents say has worsened since {year}.",
    "“We have listened carefully to the community,” said {person}, who chairs the committee.",
    "According to figures released by {org}, spending on the {thing} rose {pct} last year to {money} million.",
    "Critics argue that the proposal does little to address {topic} and could cost taxpayers more in the long run.",
    "{person}, a local business owner, said the changes had already affected trade on her street.",
    "The {thing} is expected to open in {year}, two years later than originally planned.",
    "In a statement, {org} said it remained committed to improving {topic} across the region.",
    "Opposition members called for an independent inquiry into how the contract was awarded.",
    "More than {big} people signed a petition asking {org} to {verb} the scheme.",
    "The report, published on {day}, found that {topic} had improved in {n} of the {m} districts surveyed.",
    "Analysts at two banks said they expected {org} to {verb} the budget before the summer.",
    "Residents will be able to comment on the plans at a public meeting at {hour} p.m. on {day}.",
    "{person} told reporters that the timetable was “ambitious but achievable”.",
    "The last time {org} attempted a similar project, costs rose by {pct} and work stopped for a year.",
    "Officials in {City} declined to say how many staff would be needed to run the new {thing}.",
    "Campaigners welcomed the announcement but warned that {topic} would need sustained funding.",
    "The {thing} would be the first of its kind in {City}, officials said.",
    "A spokesperson for {org} said the figures were provisional and would be revised in {month}.",
    "Local schools reported a rise of {pct} in applications after the {thing} was announced.",
    "{person} said the council had received {n} formal objections, most of them about {topic}.",
    "The plan still needs the approval of {org}, which is expected to vote on it next month.",
    "Independent experts said the estimate of {money} million was realistic but left little room for error.",
    "On {day}, a delegation from {City2} visited the site to learn from the project.",
    "Work on the {thing} will be carried out in {n} phases to limit disruption, {org} said.",
]

MONTHS_EN = (
    "January February March April May June July August September October November December".split()
)
DAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def zh_sentence(rng: random.Random, t: str) -> str:
    """One Simplified Chinese news sentence from template ``t``."""
    m = rng.randint(1, 12)
    return t.format(
        date=f"{m}月{rng.randint(1, 28)}日",
        city=rng.choice(ZH_CITIES),
        org=rng.choice(ZH_ORGS),
        topic=rng.choice(ZH_TOPICS),
        thing=rng.choice(ZH_THINGS),
        verb=rng.choice(ZH_VERBS),
        person=rng.choice(ZH_SURNAMES) + rng.choice(ZH_GIVEN),
        n=rng.randint(2, 90),
        big=rng.randint(1000, 990000),
        money=f"{rng.randint(1, 300)}.{rng.randint(0, 9)}",
        pct=f"{rng.randint(1, 30)}.{rng.randint(0, 9)}%",
        month=f"{m}月",
        m=m,
        q=rng.choice("一二三"),
        year=rng.randint(2023, 2030),
        hour=rng.randint(8, 11),
    )


def en_sentence(rng: random.Random, t: str) -> str:
    """One English news sentence from template ``t``."""
    city, city2 = rng.sample(EN_CITIES, 2)
    return t.format(
        City=city,
        City2=city2,
        org=rng.choice(EN_ORGS),
        topic=rng.choice(EN_TOPICS),
        thing=rng.choice(EN_THINGS),
        verb=rng.choice(EN_VERBS),
        person=f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}",
        n=rng.randint(2, 40),
        m=rng.randint(41, 90),
        big=f"{rng.randint(1, 90)},{rng.randint(100, 999)}",
        money=f"{rng.randint(2, 900)}.{rng.randint(0, 9)}",
        pct=f"{rng.randint(1, 40)}.{rng.randint(0, 9)}%",
        day=rng.choice(DAYS_EN),
        month=rng.choice(MONTHS_EN),
        year=rng.randint(2024, 2031),
        hour=rng.randint(5, 8),
    )


def paragraph(rng: random.Random, lang: str, seen: set[tuple[int, ...]] | None = None) -> str:
    """A paragraph of 3–6 sentences. ``seen`` holds the template sequences already used in the
    document: a sequence is never reused, so no paragraph is a near-copy of another."""
    make, templates = (zh_sentence, ZH_TEMPLATES) if lang == "zh" else (en_sentence, EN_TEMPLATES)
    sep = "" if lang == "zh" else " "
    while True:
        key = tuple(rng.sample(range(len(templates)), rng.randint(3, 6)))
        if seen is None or key not in seen:
            break
    if seen is not None:
        seen.add(key)
    return sep.join(make(rng, templates[k]) for k in key)


def title(rng: random.Random, lang: str) -> str:
    """A headline: no final punctuation."""
    if lang == "zh":
        return f"{rng.choice(ZH_CITIES)}{rng.choice(ZH_VERBS)}{rng.choice(ZH_TOPICS)} {rng.choice(ZH_THINGS)}建设取得新进展"
    return f"{rng.choice(EN_CITIES)} to {rng.choice(EN_VERBS)} {rng.choice(EN_THINGS)} plan amid row over {rng.choice(EN_TOPICS)}"


def byline(rng: random.Random, lang: str) -> str:
    if lang == "zh":
        return f"（记者{rng.choice(ZH_SURNAMES)}{rng.choice(ZH_GIVEN)}）"
    return f"By {rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"


def article(
    rng: random.Random, lang: str, target_bytes: int, seen: set[tuple[int, ...]] | None = None
) -> list[str]:
    """Lines of one clean article (title, paragraphs, byline) of about ``target_bytes`` UTF-8."""
    lines = [title(rng, lang)]
    size = len(lines[0].encode())
    while size < target_bytes:
        p = paragraph(rng, lang, seen)
        lines.append(p)
        size += len(p.encode()) + 1
    lines.append(byline(rng, lang))
    return lines
