/**
 * The demo shop's product catalogue: about seventy products across apparel, shoes, electronics, phone
 * accessories, home, beauty, toys, sports and pet supplies, with variants (sizes, colours, models), SKUs and USD
 * prices, and the hidden traits the simulation uses: popularity, intrinsic quality, return behaviour, and two
 * products whose quality drops part-way through the window (a bad batch).
 */
import { DAY } from './clock.ts';
import { Rng } from './random.ts';
import type { Reason } from './world.ts';

export type ProductKind = 'apparel' | 'shoes' | 'electronics' | 'phone' | 'home' | 'beauty' | 'toys' | 'sports' | 'pet';

export type ReturnReason =
  | 'SIZE_TOO_SMALL'
  | 'SIZE_TOO_LARGE'
  | 'UNWANTED'
  | 'NOT_AS_DESCRIBED'
  | 'WRONG_ITEM'
  | 'DEFECTIVE'
  | 'STYLE'
  | 'COLOR'
  | 'OTHER';

interface KindSpec {
  productType: string;
  skuPrefix: string;
  price: readonly [number, number];
  /** Variant option values, each `[label, sku code]`. */
  options: readonly (readonly [string, string])[];
  /** Share of delivered orders of this kind that come back. */
  returnRate: number;
  returnReasons: readonly (readonly [ReturnReason, number])[];
  /** Contact reason of a complaint about this kind of product. */
  issueReason: Reason;
  vendors: readonly string[];
  titles: readonly string[];
}

const SIZES = [['XS', 'XS'], ['S', 'S'], ['M', 'M'], ['L', 'L'], ['XL', 'XL'], ['XXL', 'XXL']] as const;
const SHOE_SIZES = ['37', '38', '39', '40', '41', '42', '43', '44', '45'].map((s) => [`EU ${s}`, s] as const);
const COLOURS = [['Black', 'BLK'], ['White', 'WHT'], ['Midnight Blue', 'BLU']] as const;
const PHONES = [['iPhone 15', 'IP15'], ['iPhone 15 Pro', 'IP15P'], ['iPhone 16', 'IP16'], ['Galaxy S24', 'GS24']] as const;

const KINDS: Record<ProductKind, KindSpec> = {
  apparel: {
    productType: 'Apparel', skuPrefix: 'AP', price: [18, 79], options: SIZES, returnRate: 0.15, issueReason: 'size',
    returnReasons: [['SIZE_TOO_SMALL', 34], ['SIZE_TOO_LARGE', 26], ['STYLE', 10], ['COLOR', 7], ['NOT_AS_DESCRIBED', 10], ['UNWANTED', 8], ['DEFECTIVE', 5]],
    vendors: ['Nordhaven', 'Lumio Wear'],
    titles: [
      'Linen Button-Down Shirt', 'Oversized Cotton Hoodie', 'High-Waist Yoga Leggings', 'Quilted Puffer Vest',
      'Merino Crew Sweater', 'Wide-Leg Cargo Pants', 'Floral Midi Dress', 'Packable Rain Jacket', 'Ribbed Tank Top',
      'Fleece Jogger Pants', 'Denim Trucker Jacket', 'Seamless Sports Bra', 'Graphic Cotton T-Shirt', 'Chunky Knit Cardigan',
      'Pleated Tennis Skirt',
    ],
  },
  shoes: {
    productType: 'Shoes', skuPrefix: 'SH', price: [35, 119], options: SHOE_SIZES, returnRate: 0.12, issueReason: 'size',
    returnReasons: [['SIZE_TOO_SMALL', 38], ['SIZE_TOO_LARGE', 27], ['STYLE', 8], ['NOT_AS_DESCRIBED', 10], ['DEFECTIVE', 9], ['UNWANTED', 8]],
    vendors: ['Stridewell'],
    titles: ['Breathable Running Sneakers', 'Canvas Slip-On Shoes', 'Waterproof Hiking Boots', 'Memory Foam Slippers', 'Leather Chelsea Boots', 'Lightweight Trail Runners'],
  },
  electronics: {
    productType: 'Electronics', skuPrefix: 'EL', price: [19, 189], options: COLOURS, returnRate: 0.06, issueReason: 'function',
    returnReasons: [['DEFECTIVE', 58], ['NOT_AS_DESCRIBED', 14], ['UNWANTED', 14], ['WRONG_ITEM', 6], ['OTHER', 8]],
    vendors: ['Voltra', 'Kaiyo Tech'],
    titles: [
      'Wireless Earbuds Pro', 'Noise-Cancelling Headphones', '65W GaN USB-C Charger', '10000mAh Magnetic Power Bank',
      'Smart Watch Fitness Tracker', 'Bluetooth Shower Speaker', '1080p Mini Projector', '75% Mechanical Keyboard',
      'Wireless Ergonomic Mouse', '4K Action Camera', 'Smart LED Strip Lights 5m', 'Portable Monitor 15.6"',
      'Dash Cam Front and Rear', 'Digital Kitchen Scale', 'Robot Window Cleaner',
    ],
  },
  phone: {
    productType: 'Phone Accessories', skuPrefix: 'PH', price: [9, 39], options: PHONES, returnRate: 0.05, issueReason: 'quality',
    returnReasons: [['WRONG_ITEM', 30], ['NOT_AS_DESCRIBED', 20], ['DEFECTIVE', 30], ['UNWANTED', 20]],
    vendors: ['Kaiyo Tech'],
    titles: ['MagSafe Clear Phone Case', 'Tempered Glass Screen Protector (2-pack)', 'Car Phone Mount', 'Braided USB-C Cable 2m', 'Phone Camera Lens Kit'],
  },
  home: {
    productType: 'Home & Kitchen', skuPrefix: 'HM', price: [14, 89], options: [['Standard', 'STD']], returnRate: 0.035, issueReason: 'quality',
    returnReasons: [['DEFECTIVE', 35], ['NOT_AS_DESCRIBED', 25], ['UNWANTED', 25], ['OTHER', 15]],
    vendors: ['Brightnest'],
    titles: [
      'Ceramic Pour-Over Coffee Set', 'Bamboo Drawer Organizer', 'Linen Duvet Cover Set', 'Electric Milk Frother',
      'Silicone Baking Mat Set', 'Stainless Steel Lunch Box', 'Aroma Diffuser 300ml', 'Blackout Curtains (2 panels)',
      'Cast Iron Skillet 26cm', 'Glass Food Storage Set',
    ],
  },
  beauty: {
    productType: 'Beauty', skuPrefix: 'BT', price: [12, 69], options: [['Standard', 'STD']], returnRate: 0.02, issueReason: 'quality',
    returnReasons: [['DEFECTIVE', 40], ['NOT_AS_DESCRIBED', 30], ['UNWANTED', 30]],
    vendors: ['Mochi & Co'],
    titles: ['Jade Face Roller', 'Vitamin C Serum 30ml', 'Heated Eyelash Curler', 'Mulberry Silk Sleep Mask', 'Ionic Hair Dryer'],
  },
  toys: {
    productType: 'Toys & Hobby', skuPrefix: 'TY', price: [15, 59], options: [['Standard', 'STD']], returnRate: 0.03, issueReason: 'quality',
    returnReasons: [['DEFECTIVE', 40], ['NOT_AS_DESCRIBED', 20], ['UNWANTED', 30], ['WRONG_ITEM', 10]],
    vendors: ['Mochi & Co'],
    titles: ['Magnetic Building Tiles 60pc', 'Remote Control Stunt Car', 'Wooden Puzzle Box', 'Watercolor Paint Set 48', 'Plush Shiba Inu 40cm'],
  },
  sports: {
    productType: 'Sports & Outdoors', skuPrefix: 'SP', price: [12, 129], options: [['Standard', 'STD']], returnRate: 0.05, issueReason: 'quality',
    returnReasons: [['DEFECTIVE', 35], ['NOT_AS_DESCRIBED', 25], ['UNWANTED', 30], ['OTHER', 10]],
    vendors: ['Peakform'],
    titles: ['Adjustable Dumbbell 20kg', 'Non-Slip Yoga Mat 6mm', 'Insulated Water Bottle 1L', 'Ultralight Camping Hammock', 'Resistance Band Set', 'Foldable Camping Chair'],
  },
  pet: {
    productType: 'Pet Supplies', skuPrefix: 'PT', price: [14, 99], options: [['Standard', 'STD']], returnRate: 0.03, issueReason: 'function',
    returnReasons: [['DEFECTIVE', 45], ['UNWANTED', 35], ['NOT_AS_DESCRIBED', 20]],
    vendors: ['Brightnest'],
    titles: ['Self-Cleaning Slicker Brush', 'Orthopedic Dog Bed', 'Automatic Cat Feeder'],
  },
};

/** Products whose quality drops from a share of the window on (a bad production batch). */
const BAD_BATCHES: Record<string, number> = { 'Wireless Earbuds Pro': 0.55, 'Oversized Cotton Hoodie': 0.65 };

export interface Variant {
  id: number;
  sku: string;
  title: string;
  priceCents: number;
}

export interface Product {
  id: number;
  title: string;
  kind: ProductKind;
  productType: string;
  vendor: string;
  status: 'active' | 'draft';
  createdAt: number;
  updatedAt: number;
  variants: Variant[];
  /** Relative sales share (0: never sold). */
  popularity: number;
  /** Rating shift of the product itself (stars, around 0). */
  quality: number;
  returnRate: number;
  returnReasons: KindSpec['returnReasons'];
  issueReason: Reason;
  /** From this instant on the product is worse (a bad batch), or null. */
  badBatchFrom: number | null;
}

export interface Catalog {
  products: Product[];
  /** Sellable products with cumulative popularity, for weighted picks. */
  sellable: Product[];
  cumulative: number[];
}

const PRODUCT_ID_BASE = 8800000000000;
const VARIANT_ID_BASE = 46000000000000;

export function createCatalog(seed: number, windowStart: number, windowEnd: number): Catalog {
  const rng = new Rng(seed, 'catalog');
  const products: Product[] = [];
  let variantId = VARIANT_ID_BASE;
  for (const [kind, spec] of Object.entries(KINDS) as [ProductKind, KindSpec][]) {
    spec.titles.forEach((title, i) => {
      const seq = products.length + 1;
      const base = Math.round(rng.uniform(spec.price[0], spec.price[1])) * 100 - 1;
      const code = `${spec.skuPrefix}-${String(seq).padStart(3, '0')}`;
      const variants = spec.options.map(([label, optionCode], k) => ({
        id: variantId++,
        sku: spec.options.length === 1 ? code : `${code}-${optionCode}`,
        title: label,
        priceCents: base + (label === 'XXL' ? 200 : 0) + (kind === 'electronics' && k === 2 ? 500 : 0),
      }));
      const createdAt = windowStart - rng.int(30, 700) * DAY - rng.int(0, 86399);
      const badShare = BAD_BATCHES[title];
      const draft = i === spec.titles.length - 1 && (kind === 'home' || kind === 'electronics');
      products.push({
        id: PRODUCT_ID_BASE + seq * 1000 + rng.int(0, 999),
        title,
        kind,
        productType: spec.productType,
        vendor: rng.pick(spec.vendors),
        status: draft ? 'draft' : 'active',
        createdAt: draft ? windowEnd - rng.int(5, 20) * DAY : createdAt,
        updatedAt: Math.min(windowEnd, windowStart + rng.int(-60, 120) * DAY),
        variants,
        popularity: draft ? 0 : rng.lognormal(1, 0.9),
        quality: Math.min(0.35, rng.normal(0, 0.22)) - (rng.chance(0.08) ? 0.5 : 0),
        returnRate: spec.returnRate * rng.uniform(0.7, 1.4),
        returnReasons: spec.returnReasons,
        issueReason: spec.issueReason,
        badBatchFrom: badShare === undefined ? null : windowStart + Math.round((windowEnd - windowStart) * badShare),
      });
    });
  }
  for (const p of products) if (p.updatedAt < p.createdAt) p.updatedAt = Math.min(windowEnd, p.createdAt + 30 * DAY);
  const sellable = products.filter((p) => p.popularity > 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const p of sellable) cumulative.push((sum += p.popularity));
  return { products, sellable, cumulative };
}

/** A product by popularity. */
export function pickProduct(catalog: Catalog, rng: Rng): Product {
  const total = catalog.cumulative[catalog.cumulative.length - 1]!;
  const u = rng.next() * total;
  let lo = 0;
  let hi = catalog.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (catalog.cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return catalog.sellable[lo]!;
}

/** Is the product from a bad batch at this instant? */
export function inBadBatch(product: Product, at: number): boolean {
  return product.badBatchFrom !== null && at >= product.badBatchFrom;
}
