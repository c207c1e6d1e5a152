/**
 * The people of the demo shop: customers (names per market, in their own script, with marketplace relay e-mail
 * addresses for Amazon and eBay buyers), the support agents of the two groups with their shifts, and the bot.
 */
import { DAY } from './clock.ts';
import { Rng } from './random.ts';
import { GROUPS, SHOP, market, type GroupSpec, type Lang, type MarketCode, type Platform, type ShiftName } from './world.ts';

interface NameSet {
  /** [display, romanised] pairs; romanised is used for e-mail addresses. */
  first: readonly (readonly [string, string])[];
  last: readonly (readonly [string, string])[];
  /** Family name first, no Western space conventions. */
  style: 'western' | 'ja' | 'zh';
}

const same = (names: string): (readonly [string, string])[] =>
  names.split(',').map((n) => [n.trim(), n.trim()] as const);

const ENGLISH_US: NameSet = {
  style: 'western',
  first: same('James, Mary, Michael, Jennifer, David, Linda, Robert, Emily, Daniel, Jessica, Chris, Ashley, Matthew, Sarah, Anthony, Megan, Joshua, Olivia, Brandon, Hannah, Tyler, Madison, Kevin, Rachel'),
  last: same('Smith, Johnson, Williams, Brown, Jones, Garcia, Miller, Davis, Rodriguez, Martinez, Wilson, Anderson, Taylor, Thomas, Moore, Jackson, Martin, Lee, Thompson, White, Harris, Clark, Lewis, Walker'),
};
const ENGLISH_GB: NameSet = {
  style: 'western',
  first: same('Oliver, Amelia, George, Isla, Harry, Ava, Jack, Emily, Charlie, Sophie, Thomas, Grace, Alfie, Lily, William, Freya, Oscar, Evie, James, Poppy, Henry, Chloe, Leo, Ruby'),
  last: same('Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright, Thompson, Evans, Walker, White, Roberts, Green, Hall, Wood, Jackson, Clarke, Hughes, Edwards, Turner, Patel'),
};
const ENGLISH_AU: NameSet = {
  style: 'western',
  first: same('Liam, Charlotte, Noah, Olivia, Jack, Mia, William, Isla, Lucas, Amelia, Henry, Ava, Thomas, Grace, Ethan, Chloe, Mason, Zoe, Cooper, Matilda, Riley, Ella, Archie, Harper'),
  last: same('Smith, Jones, Williams, Brown, Wilson, Taylor, Nguyen, Johnson, Martin, White, Anderson, Walker, Thompson, Thomas, Lee, Ryan, Kelly, King, Harris, Campbell, Mitchell, Young, Murphy, Clarke'),
};
const GERMAN: NameSet = {
  style: 'western',
  first: [
    ...same('Lukas, Anna, Leon, Lea, Finn, Hannah, Jonas, Lena, Paul, Laura, Felix, Sophie, Maximilian, Marie, Tim, Julia, Niklas, Katharina, Moritz, Sarah, Tobias, Johanna'),
    ['Jürgen', 'juergen'], ['Björn', 'bjoern'],
  ],
  last: [
    ...same('Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch, Bauer, Richter, Klein, Wolf, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hartmann').map(
      ([d]) => [d, d.replace('ü', 'ue').replace('ä', 'ae').replace('ö', 'oe')] as const,
    ),
  ],
};
const SPANISH: NameSet = {
  style: 'western',
  first: same('Lucía, Hugo, Sofía, Martín, María, Pablo, Martina, Daniel, Paula, Alejandro, Julia, Álvaro, Carmen, Javier, Laura, Diego, Elena, Adrián, Irene, Sergio, Marta, Jorge').map(
    ([d]) => [d, d.normalize('NFD').replace(/[\u0300-\u036f]/g, '')] as const,
  ),
  last: same('García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Martín, Jiménez, Ruiz, Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Navarro, Torres, Domínguez, Gil').map(
    ([d]) => [d, d.normalize('NFD').replace(/[\u0300-\u036f]/g, '')] as const,
  ),
};
const JAPANESE: NameSet = {
  style: 'ja',
  first: [
    ['花子', 'hanako'], ['陽菜', 'hina'], ['結衣', 'yui'], ['さくら', 'sakura'], ['美咲', 'misaki'], ['葵', 'aoi'],
    ['翔太', 'shota'], ['大輝', 'daiki'], ['健太', 'kenta'], ['拓海', 'takumi'], ['蓮', 'ren'], ['悠斗', 'yuto'],
    ['直子', 'naoko'], ['由美', 'yumi'], ['誠', 'makoto'], ['浩', 'hiroshi'], ['恵', 'megumi'], ['大翔', 'hiroto'],
  ],
  last: [
    ['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'], ['伊藤', 'ito'], ['渡辺', 'watanabe'],
    ['山本', 'yamamoto'], ['中村', 'nakamura'], ['小林', 'kobayashi'], ['加藤', 'kato'], ['吉田', 'yoshida'], ['山田', 'yamada'],
    ['佐々木', 'sasaki'], ['松本', 'matsumoto'], ['井上', 'inoue'], ['木村', 'kimura'], ['林', 'hayashi'], ['清水', 'shimizu'],
  ],
};
const CHINESE: NameSet = {
  style: 'zh',
  first: [
    ['芳', 'fang'], ['伟', 'wei'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['磊', 'lei'], ['洋', 'yang'], ['艳', 'yan'],
    ['勇', 'yong'], ['杰', 'jie'], ['婷', 'ting'], ['欣怡', 'xinyi'], ['子涵', 'zihan'], ['浩然', 'haoran'], ['梓萱', 'zixuan'],
    ['宇轩', 'yuxuan'], ['雨桐', 'yutong'], ['俊杰', 'junjie'],
  ],
  last: [
    ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
    ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ],
};

const NAMES: Record<MarketCode, NameSet> = {
  US: ENGLISH_US, GB: ENGLISH_GB, AU: ENGLISH_AU, DE: GERMAN, ES: SPANISH, JP: JAPANESE, CN: CHINESE,
};

const MAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];
const AMAZON_RELAY: Record<MarketCode, string> = {
  US: 'marketplace.amazon.com', GB: 'marketplace.amazon.co.uk', DE: 'marketplace.amazon.de', ES: 'marketplace.amazon.es',
  JP: 'marketplace.amazon.co.jp', CN: 'marketplace.amazon.cn', AU: 'marketplace.amazon.com.au',
};

export interface Customer {
  /** Creation order, internal. */
  seq: number;
  market: MarketCode;
  platform: Platform;
  lang: Lang;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string;
  /** Zendesk user id, set when the customer's first ticket is numbered (0: never contacted support). */
  userId: number;
  /** Shopify customer id, set when the customer's first order is numbered (0: never ordered). */
  shopifyId: number;
  firstTicketAt: number;
  lastTicketAt: number;
}

/** Creates a customer; `emails` keeps addresses unique across the shop. */
export function createCustomer(rng: Rng, seq: number, code: MarketCode, platform: Platform, emails: Set<string>): Customer {
  const names = NAMES[code];
  const [first, firstRoman] = rng.pick(names.first);
  const [last, lastRoman] = rng.pick(names.last);
  const displayName = names.style === 'western' ? `${first} ${last}` : names.style === 'ja' ? `${last} ${first}` : `${last}${first}`;
  let email: string;
  if (platform === 'amazon') {
    do email = `${rng.alnum(14).toLowerCase()}@${AMAZON_RELAY[code]}`;
    while (emails.has(email));
  } else if (platform === 'ebay') {
    do email = `${rng.alnum(10).toLowerCase()}.${rng.digits(4)}@members.ebay.com`;
    while (emails.has(email));
  } else {
    const local = `${firstRoman}.${lastRoman}`.toLowerCase().replace(/[^a-z.]/g, '');
    const domain = rng.pick(MAIL_DOMAINS);
    email = `${local}@${domain}`;
    while (emails.has(email)) email = `${local}${rng.int(1, 9999)}@${domain}`;
  }
  emails.add(email);
  return {
    seq,
    market: code,
    platform,
    lang: market(code).lang,
    firstName: first,
    lastName: last,
    displayName,
    email,
    userId: 0,
    shopifyId: 0,
    firstTicketAt: Infinity,
    lastTicketAt: -Infinity,
  };
}

// ---- the support team -------------------------------------------------------------------------------------

export interface Agent {
  id: number;
  name: string;
  firstName: string;
  email: string;
  role: 'agent' | 'admin';
  group: GroupSpec;
  shift: ShiftName;
  locale: string;
  createdAt: number;
  /** Deactivated from this instant on (left the company), or null. */
  leftAt: number | null;
  /** Relative share of the replies an agent on shift takes (admins answer less). */
  load: number;
}

export interface Bot {
  id: number;
  name: string;
  email: string;
  createdAt: number;
}

interface AgentSpec {
  name: string;
  shift: ShiftName;
  locale: string;
  role?: 'admin';
  /** Leaves at this fraction of the simulated window. */
  leavesAt?: number;
}

const TEAM: Record<'shenzhen' | 'berlin', AgentSpec[]> = {
  shenzhen: [
    { name: 'Helen Yang', shift: 'early', locale: 'zh-CN', role: 'admin' },
    { name: 'Lily Chen', shift: 'early', locale: 'en-US' },
    { name: 'Kevin Zhang', shift: 'early', locale: 'en-US' },
    { name: 'Cathy Liu', shift: 'early', locale: 'zh-CN', leavesAt: 0.5 },
    { name: 'Jason Wang', shift: 'early', locale: 'en-US' },
    { name: 'Mia Huang', shift: 'early', locale: 'zh-CN' },
    { name: 'Yuki Sato', shift: 'early', locale: 'ja' },
    { name: 'Vivian Wu', shift: 'early', locale: 'en-US' },
    { name: 'Leo Xu', shift: 'late', locale: 'en-US' },
    { name: 'Grace Lin', shift: 'late', locale: 'en-US' },
    { name: 'Tony Sun', shift: 'late', locale: 'zh-CN' },
    { name: 'Amy Zhou', shift: 'late', locale: 'en-US' },
    { name: 'Ryan He', shift: 'late', locale: 'en-US' },
    { name: 'Nina Deng', shift: 'weekend', locale: 'en-US' },
    { name: 'Sunny Guo', shift: 'weekend', locale: 'zh-CN' },
  ],
  berlin: [
    { name: 'Katrin Vogel', shift: 'early', locale: 'de', role: 'admin' },
    { name: 'Jonas Becker', shift: 'early', locale: 'de' },
    { name: 'Lena Fischer', shift: 'early', locale: 'de' },
    { name: 'Marta García', shift: 'early', locale: 'es' },
    { name: 'Oliver Brandt', shift: 'early', locale: 'en-GB', leavesAt: 0.62 },
    { name: 'Lukas Wagner', shift: 'late', locale: 'de' },
    { name: 'Sofia Romero', shift: 'late', locale: 'es' },
    { name: 'Emma Schulz', shift: 'late', locale: 'en-GB' },
    { name: 'Pablo Navarro', shift: 'weekend', locale: 'es' },
    { name: 'Hannah Klein', shift: 'weekend', locale: 'de' },
  ],
};

const AGENT_ID_BASE = 361000000001;
export const BOT_ID = 361000000000;

export interface Team {
  agents: Agent[];
  bot: Bot;
  byId: Map<number, Agent>;
}

/** The agents and the bot; hire dates lie before the window, leavers leave at a fixed share of it. */
export function createTeam(seed: number, windowStart: number, windowEnd: number): Team {
  const rng = new Rng(seed, 'team');
  const agents: Agent[] = [];
  let next = AGENT_ID_BASE;
  for (const group of GROUPS) {
    for (const spec of TEAM[group.key]) {
      const [first, ...rest] = spec.name.split(' ');
      const email = `${spec.name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ /g, '.')}@${SHOP.domain}`;
      const leftAt =
        spec.leavesAt === undefined
          ? null
          : windowStart + Math.round((windowEnd - windowStart) * spec.leavesAt / DAY) * DAY + 16 * 3600;
      agents.push({
        id: next++,
        name: spec.name,
        firstName: first ?? rest.join(' '),
        email,
        role: spec.role ?? 'agent',
        group,
        shift: spec.shift,
        locale: spec.locale,
        createdAt: windowStart - rng.int(60, 900) * DAY - rng.int(0, 8 * 3600),
        leftAt,
        load: spec.role === 'admin' ? 0.35 : 1,
      });
    }
  }
  const bot: Bot = { id: BOT_ID, name: 'ShopBot', email: `shopbot@${SHOP.domain}`, createdAt: windowStart - 400 * DAY };
  return { agents, bot, byId: new Map(agents.map((a) => [a.id, a])) };
}
