/**
 * Multilingual message templates of the demo shop, written in the customer's language (English, German,
 * Spanish, Japanese, Simplified Chinese): ticket subjects and opening messages per contact reason, agent
 * replies, follow-ups, bot answers, internal notes (the team writes those in English or Chinese), CSAT comments
 * and review titles and bodies. Placeholders in braces (`{order}`, `{product}`, ...) are filled by `fill`.
 */
import type { Rng } from './random.ts';
import type { Lang, Reason } from './world.ts';

type PerLang = Readonly<Record<Lang, readonly string[]>>;
type PerReason = Readonly<Record<Reason, PerLang>>;

export interface TextVars {
  order?: string;
  product?: string;
  name?: string;
  agent?: string;
  carrier?: string;
  tracking?: string;
  days?: string;
  shop?: string;
  domain?: string;
}

/** Replaces `{key}` placeholders; a missing value becomes an empty string. */
export function fill(template: string, vars: TextVars): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = vars[key as keyof TextVars];
    return value ?? '';
  });
}

/** A template from the list, restricted to those that do (or do not) mention the order number. */
export function pickTemplate(rng: Rng, list: readonly string[], mentionOrder: boolean | null): string {
  if (mentionOrder === null) return rng.pick(list);
  const matching = list.filter((t) => t.includes('{order}') === mentionOrder);
  return rng.pick(matching.length > 0 ? matching : list);
}

export const SUBJECTS: PerReason = {
  logistics: {
    en: ['Where is my order?', 'Parcel still not delivered', 'Tracking not updating'],
    de: ['Wo bleibt meine Bestellung?', 'Paket noch nicht angekommen', 'Sendungsverfolgung ohne Update'],
    es: ['¿Dónde está mi pedido?', 'El paquete no ha llegado', 'El seguimiento no se actualiza'],
    ja: ['注文した商品が届きません', '配送状況について', '追跡情報が更新されません'],
    zh: ['我的包裹到哪里了？', '还没收到货', '物流信息不更新'],
  },
  customs: {
    en: ['Import charges on my parcel', 'Package held at customs'],
    de: ['Zollgebühren für mein Paket', 'Paket hängt beim Zoll fest'],
    es: ['Aranceles de importación', 'Paquete retenido en aduana'],
    ja: ['関税の請求について', '荷物が税関で止まっています'],
    zh: ['关税问题', '包裹被海关扣留'],
  },
  quality: {
    en: ['Item arrived damaged', 'Poor quality'],
    de: ['Artikel beschädigt angekommen', 'Qualitätsmangel'],
    es: ['Artículo dañado', 'Mala calidad'],
    ja: ['商品が破損していました', '品質について'],
    zh: ['商品损坏', '质量问题'],
  },
  size: {
    en: ['Wrong size - exchange', 'Size question'],
    de: ['Falsche Größe - Umtausch', 'Frage zur Größe'],
    es: ['Talla incorrecta - cambio', 'Duda sobre la talla'],
    ja: ['サイズ交換について', 'サイズの質問'],
    zh: ['尺码不合适，想换货', '尺码咨询'],
  },
  function: {
    en: ['Product not working', 'Help with setup'],
    de: ['Gerät funktioniert nicht', 'Hilfe bei der Einrichtung'],
    es: ['El producto no funciona', 'Ayuda con la configuración'],
    ja: ['商品が動作しません', '設定方法について'],
    zh: ['产品无法正常使用', '安装设置问题'],
  },
  payment: {
    en: ['Charged twice', 'Invoice request', 'Payment problem'],
    de: ['Doppelte Abbuchung', 'Rechnung benötigt', 'Problem bei der Zahlung'],
    es: ['Cobro duplicado', 'Solicitud de factura', 'Problema con el pago'],
    ja: ['二重請求について', '領収書の発行', '支払いができません'],
    zh: ['重复扣款', '开发票', '付款问题'],
  },
  return_refund: {
    en: ['Return request', 'Where is my refund?'],
    de: ['Rücksendung', 'Erstattung noch nicht erhalten'],
    es: ['Solicitud de devolución', '¿Dónde está mi reembolso?'],
    ja: ['返品希望', '返金について'],
    zh: ['申请退货', '退款什么时候到账？'],
  },
  account: {
    en: ["Can't log in", 'Account question'],
    de: ['Login funktioniert nicht', 'Frage zu meinem Konto'],
    es: ['No puedo iniciar sesión', 'Consulta sobre mi cuenta'],
    ja: ['ログインできません', 'アカウントについて'],
    zh: ['无法登录', '账户问题'],
  },
  other: {
    en: ['Question about my order', 'General question'],
    de: ['Frage zu meiner Bestellung', 'Allgemeine Frage'],
    es: ['Consulta sobre mi pedido', 'Consulta general'],
    ja: ['注文について', 'お問い合わせ'],
    zh: ['订单咨询', '一般咨询'],
  },
};

/** Opening messages; templates with `{order}` mention the order number, the others do not. */
export const OPENINGS: PerReason = {
  logistics: {
    en: [
      "Hi, I ordered {product} (order {order}) more than two weeks ago and it still hasn't arrived. The tracking hasn't changed for days. Can you tell me where it is?",
      'Hello, my order {order} was supposed to arrive by now. The {carrier} tracking just says in transit. When will I get it?',
      "Hi there, I'm still waiting for my {product}. It's been ages since I ordered and nobody has told me anything. Where is my parcel?",
    ],
    de: [
      'Hallo, ich habe vor über zwei Wochen {product} bestellt (Bestellung {order}) und es ist immer noch nicht angekommen. Die Sendungsverfolgung hat sich seit Tagen nicht geändert. Wo ist mein Paket?',
      'Guten Tag, meine Bestellung {order} hätte längst ankommen sollen. Bei {carrier} steht nur „in Zustellung“. Wann kommt die Lieferung?',
      'Hallo, ich warte immer noch auf {product}. Die Bestellung ist schon lange her und niemand hat sich gemeldet. Wo bleibt mein Paket?',
    ],
    es: [
      'Hola, pedí {product} (pedido {order}) hace más de dos semanas y todavía no ha llegado. El seguimiento no cambia desde hace días. ¿Dónde está?',
      'Buenos días, mi pedido {order} ya debería haber llegado. En {carrier} solo pone «en tránsito». ¿Cuándo lo voy a recibir?',
      'Hola, sigo esperando {product}. Hace mucho que hice el pedido y nadie me ha dicho nada. ¿Dónde está mi paquete?',
    ],
    ja: [
      'こんにちは。2週間以上前に{product}を注文しました（注文番号{order}）が、まだ届いていません。追跡情報も数日間更新されていません。今どこにありますか？',
      '注文{order}の件です。もう届いているはずですが、{carrier}の追跡では「輸送中」のままです。いつ届きますか？',
      '{product}をずっと待っています。注文してからかなり経ちますが、何の連絡もありません。荷物はどこにありますか？',
    ],
    zh: [
      '你好，我两个多星期前买了{product}（订单号{order}），到现在还没收到，物流信息好几天都没有更新。请问包裹现在在哪里？',
      '您好，我的订单{order}早就应该到了，但{carrier}的物流一直显示运输中。什么时候能送到？',
      '你好，我还在等{product}。下单已经很久了，也没有人通知我任何消息。我的包裹到底在哪里？',
    ],
  },
  customs: {
    en: [
      'Hi, {carrier} says my parcel for order {order} is held at customs and I have to pay import charges. Nobody told me about extra fees when I ordered. Can you help?',
      'Hello, I just got a letter asking me to pay duty and a handling fee before they deliver my {product} (order {order}). Is this correct? Will you refund it?',
      'Hi, my package is stuck in customs and they want an invoice. What do I need to do to get my {product}?',
    ],
    de: [
      'Hallo, laut {carrier} liegt mein Paket zur Bestellung {order} beim Zoll und ich soll Einfuhrabgaben zahlen. Davon stand nichts bei der Bestellung. Können Sie mir helfen?',
      'Guten Tag, ich habe eine Benachrichtigung bekommen, dass ich Zoll und eine Bearbeitungsgebühr für {product} (Bestellung {order}) zahlen muss. Ist das richtig? Erstatten Sie mir das?',
      'Hallo, mein Paket hängt beim Zoll fest und es wird eine Rechnung verlangt. Was muss ich tun, um {product} zu bekommen?',
    ],
    es: [
      'Hola, según {carrier} mi paquete del pedido {order} está retenido en aduana y tengo que pagar aranceles. Nadie me avisó de estos gastos al comprar. ¿Me pueden ayudar?',
      'Buenas, me ha llegado un aviso para pagar IVA de importación y gastos de gestión antes de entregarme {product} (pedido {order}). ¿Es correcto? ¿Me lo van a reembolsar?',
      'Hola, mi paquete está parado en aduanas y me piden una factura. ¿Qué tengo que hacer para recibir {product}?',
    ],
    ja: [
      '{carrier}から、注文{order}の荷物が税関で保留されていて関税を支払う必要があると連絡がありました。注文時にはそのような説明はありませんでした。どうすればいいですか？',
      '{product}（注文番号{order}）の配達前に関税と手数料を払うようにと通知が来ました。これは正しいですか？返金してもらえますか？',
      '荷物が税関で止まっていて、インボイスを求められています。{product}を受け取るには何をすればいいですか？',
    ],
    zh: [
      '你好，{carrier}说我订单{order}的包裹被海关扣留了，需要缴纳进口税。下单时没有人告诉我有额外费用，能帮我处理一下吗？',
      '您好，我收到通知说派送{product}（订单{order}）之前要先交关税和手续费。这是正常的吗？你们会退给我吗？',
      '你好，我的包裹卡在海关了，他们要我提供发票。我要怎么做才能收到{product}？',
    ],
  },
  quality: {
    en: [
      "The {product} from order {order} arrived damaged. The box was crushed and the item is scratched. I'd like a replacement or a refund.",
      "Hi, I received my {product} (order {order}) and the quality is really poor: loose threads and a strange smell. It doesn't look like the photos at all.",
      'Hello, the {product} I bought broke after only a few days of normal use. Very disappointed. What can you do?',
    ],
    de: [
      'Der Artikel {product} aus Bestellung {order} ist beschädigt angekommen. Der Karton war eingedrückt und das Produkt ist zerkratzt. Ich möchte Ersatz oder eine Erstattung.',
      'Hallo, ich habe {product} (Bestellung {order}) erhalten und die Qualität ist wirklich schlecht: lose Fäden und ein komischer Geruch. Das sieht überhaupt nicht aus wie auf den Fotos.',
      'Guten Tag, {product} ist nach wenigen Tagen normaler Benutzung kaputtgegangen. Ich bin sehr enttäuscht. Was können Sie tun?',
    ],
    es: [
      'El artículo {product} del pedido {order} llegó dañado. La caja venía aplastada y el producto está rayado. Quiero un reemplazo o el reembolso.',
      'Hola, he recibido {product} (pedido {order}) y la calidad es muy mala: hilos sueltos y un olor raro. No se parece en nada a las fotos.',
      'Buenas, {product} se rompió después de pocos días de uso normal. Qué decepción. ¿Qué solución me dan?',
    ],
    ja: [
      '注文{order}の{product}が破損した状態で届きました。箱がつぶれていて、商品に傷があります。交換か返金をお願いします。',
      '{product}（注文番号{order}）を受け取りましたが、品質がとても悪いです。糸がほつれていて、変なにおいもします。写真と全然違います。',
      '購入した{product}が、普通に使って数日で壊れてしまいました。とても残念です。対応をお願いできますか？',
    ],
    zh: [
      '订单{order}的{product}收到时已经损坏了，盒子被压扁，商品上有划痕。请给我换货或者退款。',
      '你好，我收到了{product}（订单{order}），质量真的很差，线头很多还有一股怪味，和图片完全不一样。',
      '您好，我买的{product}正常使用了几天就坏了，非常失望。你们怎么处理？',
    ],
  },
  size: {
    en: [
      'Hi, the {product} I ordered ({order}) is far too small even though I followed the size chart. Can I exchange it for a bigger size?',
      "Hello, the {product} from order {order} runs large, it's a full size bigger than expected. How do I swap it?",
      "Hi, your size chart says M for my measurements but the {product} doesn't fit at all. Which size should I take instead?",
    ],
    de: [
      'Hallo, {product} aus meiner Bestellung {order} ist viel zu klein, obwohl ich mich an die Größentabelle gehalten habe. Kann ich eine Nummer größer bekommen?',
      'Guten Tag, {product} aus Bestellung {order} fällt deutlich größer aus als angegeben. Wie kann ich es umtauschen?',
      'Hallo, laut Ihrer Größentabelle brauche ich M, aber {product} passt überhaupt nicht. Welche Größe soll ich stattdessen nehmen?',
    ],
    es: [
      'Hola, {product} de mi pedido {order} me queda muy pequeño aunque seguí la guía de tallas. ¿Puedo cambiarlo por una talla más?',
      'Buenas, {product} del pedido {order} talla muy grande, una talla más de lo normal. ¿Cómo hago el cambio?',
      'Hola, según su guía de tallas me corresponde la M, pero {product} no me queda nada bien. ¿Qué talla debería pedir?',
    ],
    ja: [
      '注文{order}の{product}ですが、サイズ表どおりに選んだのにかなり小さいです。ワンサイズ大きいものに交換できますか？',
      '注文{order}で購入した{product}が表示より大きめで、ワンサイズ上の感じです。交換の方法を教えてください。',
      'サイズ表ではMのはずですが、{product}が全然合いません。どのサイズを選べばいいですか？',
    ],
    zh: [
      '你好，我按照尺码表买的{product}（订单{order}）太小了，可以换大一码吗？',
      '您好，订单{order}里的{product}尺码偏大，比平时大了一码，怎么换货？',
      '你好，按你们的尺码表我应该穿M，但是{product}完全不合身。我应该选哪个尺码？',
    ],
  },
  function: {
    en: [
      "Hi, my {product} (order {order}) won't turn on. I charged it overnight and still nothing. Is there a reset?",
      "Hello, the {product} from order {order} keeps disconnecting from my phone every few minutes. I've tried everything in the manual.",
      "Hi, I can't get the {product} to work with the app. The instructions are unclear. Can someone walk me through it?",
    ],
    de: [
      'Hallo, {product} aus Bestellung {order} lässt sich nicht einschalten. Ich habe es über Nacht geladen, trotzdem passiert nichts. Gibt es einen Reset?',
      'Guten Tag, {product} aus Bestellung {order} verliert alle paar Minuten die Verbindung zu meinem Handy. Ich habe alles aus der Anleitung ausprobiert.',
      'Hallo, ich bekomme {product} nicht mit der App verbunden. Die Anleitung ist unverständlich. Kann mir jemand Schritt für Schritt helfen?',
    ],
    es: [
      'Hola, {product} (pedido {order}) no enciende. Lo dejé cargando toda la noche y nada. ¿Hay alguna forma de reiniciarlo?',
      'Buenas, {product} del pedido {order} se desconecta del móvil cada pocos minutos. Ya he probado todo lo que dice el manual.',
      'Hola, no consigo que {product} funcione con la app. Las instrucciones no están claras. ¿Me pueden explicar los pasos?',
    ],
    ja: [
      '注文{order}の{product}の電源が入りません。一晩充電しましたが反応がありません。リセット方法はありますか？',
      '注文{order}で買った{product}が数分ごとにスマホとの接続が切れます。説明書の方法はすべて試しました。',
      '{product}をアプリと連携できません。説明書がわかりにくいので、手順を教えていただけますか？',
    ],
    zh: [
      '你好，我的{product}（订单{order}）开不了机，充了一整晚还是没反应。有没有重置的方法？',
      '您好，订单{order}的{product}每隔几分钟就和手机断开连接，说明书上的方法我都试过了。',
      '你好，{product}一直连不上App，说明书写得不清楚，能一步一步教我怎么操作吗？',
    ],
  },
  payment: {
    en: [
      'Hi, I was charged twice for order {order}. Please refund the duplicate payment.',
      'Hello, can you send me a VAT invoice for order {order}? I need it for my company.',
      'Hi, my card keeps getting declined at checkout even though it works everywhere else. Can I pay another way?',
    ],
    de: [
      'Hallo, mir wurde die Bestellung {order} zweimal abgebucht. Bitte erstatten Sie die doppelte Zahlung.',
      'Guten Tag, können Sie mir eine Rechnung mit ausgewiesener Mehrwertsteuer für Bestellung {order} schicken? Ich brauche sie für meine Firma.',
      'Hallo, meine Karte wird an der Kasse immer abgelehnt, obwohl sie sonst überall funktioniert. Kann ich auch anders bezahlen, zum Beispiel mit PayPal oder Klarna?',
    ],
    es: [
      'Hola, me han cobrado dos veces el pedido {order}. Por favor, devuélvanme el cargo duplicado.',
      'Buenas, ¿me pueden enviar una factura con IVA del pedido {order}? La necesito para mi empresa.',
      'Hola, mi tarjeta siempre es rechazada al pagar aunque funciona en todas partes. ¿Puedo pagar de otra forma, por ejemplo con Bizum o PayPal?',
    ],
    ja: [
      '注文{order}の代金が二重に請求されています。重複分の返金をお願いします。',
      '注文{order}の領収書（インボイス）を発行していただけますか？会社の経費精算に必要です。',
      'クレジットカードが決済画面で何度も拒否されます。他のお店では普通に使えます。別の支払い方法はありますか？',
    ],
    zh: [
      '你好，订单{order}被扣了两次款，请把重复扣的钱退给我。',
      '您好，能给我开订单{order}的发票吗？公司报销需要。',
      '你好，结账时我的银行卡一直被拒绝，但在别的地方都能用。可以用支付宝或者微信支付吗？',
    ],
  },
  return_refund: {
    en: [
      "Hi, I'd like to return the {product} from order {order}. It's unused and still in the original packaging. How do I send it back?",
      "Hello, I sent back my return for order {order} two weeks ago and still haven't received my refund. When will I get my money?",
      "Hi, what is your return policy? I want to send back the {product} but I can't find a return label anywhere.",
    ],
    de: [
      'Hallo, ich möchte {product} aus Bestellung {order} zurückschicken. Der Artikel ist unbenutzt und originalverpackt. Wie läuft die Rücksendung?',
      'Guten Tag, ich habe meine Rücksendung zur Bestellung {order} vor zwei Wochen abgeschickt und noch keine Erstattung erhalten. Wann bekomme ich mein Geld zurück?',
      'Hallo, wie sind Ihre Rückgabebedingungen? Ich möchte {product} zurückgeben, finde aber nirgends ein Rücksendeetikett.',
    ],
    es: [
      'Hola, quiero devolver {product} del pedido {order}. Está sin usar y en su embalaje original. ¿Cómo lo envío?',
      'Buenas, envié la devolución del pedido {order} hace dos semanas y todavía no me han hecho el reembolso. ¿Cuándo recibiré mi dinero?',
      'Hola, ¿cuál es su política de devoluciones? Quiero devolver {product} pero no encuentro la etiqueta de devolución por ningún lado.',
    ],
    ja: [
      '注文{order}の{product}を返品したいです。未使用で、元の箱に入ったままです。返送方法を教えてください。',
      '注文{order}の返品を2週間前に発送しましたが、まだ返金されていません。いつ返金されますか？',
      '返品ポリシーを教えてください。{product}を返品したいのですが、返送用ラベルが見つかりません。',
    ],
    zh: [
      '你好，我想退回订单{order}里的{product}，没有用过，包装也是完好的。请问怎么寄回？',
      '您好，我两个星期前就把订单{order}的退货寄回去了，到现在还没收到退款。什么时候能退钱？',
      '你好，你们的退货政策是什么？我想退{product}，但是找不到退货标签。',
    ],
  },
  account: {
    en: [
      "Hi, I can't log in to my account. The password reset email never arrives. Can you help?",
      'Hello, please change the email address on my account and unsubscribe me from the newsletter.',
      "Hi, I'd like to delete my account and all my personal data, please.",
    ],
    de: [
      'Hallo, ich kann mich nicht in mein Kundenkonto einloggen. Die E-Mail zum Zurücksetzen des Passworts kommt nie an. Können Sie helfen?',
      'Guten Tag, bitte ändern Sie die E-Mail-Adresse in meinem Konto und melden Sie mich vom Newsletter ab.',
      'Hallo, ich möchte mein Kundenkonto und alle meine Daten gemäß DSGVO löschen lassen.',
    ],
    es: [
      'Hola, no puedo iniciar sesión en mi cuenta. Nunca me llega el correo para restablecer la contraseña. ¿Me ayudan?',
      'Buenas, por favor cambien el correo electrónico de mi cuenta y denme de baja del boletín.',
      'Hola, quiero eliminar mi cuenta y todos mis datos personales.',
    ],
    ja: [
      'アカウントにログインできません。パスワード再設定のメールが届きません。助けてください。',
      'アカウントのメールアドレスを変更して、メールマガジンの配信を停止してください。',
      'アカウントと個人情報をすべて削除したいです。',
    ],
    zh: [
      '你好，我登录不了账户，重置密码的邮件一直收不到，能帮我看看吗？',
      '您好，请帮我修改账户的邮箱地址，并取消订阅促销邮件。',
      '你好，我想注销账户并删除我的所有个人信息。',
    ],
  },
  other: {
    en: [
      'Hi, please cancel order {order}, I ordered the wrong item by mistake.',
      "Hello, can I still change the shipping address for order {order}? I'm moving next week.",
      'Hi, is the {product} coming back in stock? And do you ship to my area?',
    ],
    de: [
      'Hallo, bitte stornieren Sie die Bestellung {order}, ich habe aus Versehen den falschen Artikel bestellt.',
      'Hallo, kann ich die Lieferadresse für Bestellung {order} noch ändern? Ich ziehe nächste Woche um.',
      'Guten Tag, ist {product} bald wieder auf Lager? Und liefern Sie auch nach Österreich?',
    ],
    es: [
      'Hola, por favor cancelen el pedido {order}, me equivoqué de artículo.',
      'Hola, ¿todavía puedo cambiar la dirección de envío del pedido {order}? Me mudo la semana que viene.',
      'Buenas, ¿van a reponer {product}? ¿Y hacen envíos a Canarias?',
    ],
    ja: [
      '注文{order}をキャンセルしてください。間違えて別の商品を注文してしまいました。',
      '注文{order}のお届け先住所をまだ変更できますか？来週引っ越す予定です。',
      '{product}の再入荷予定はありますか？また、沖縄への配送は可能ですか？',
    ],
    zh: [
      '你好，请帮我取消订单{order}，我下错单了。',
      '你好，订单{order}的收货地址还能改吗？我下周要搬家。',
      '您好，{product}什么时候补货？可以寄到新疆吗？',
    ],
  },
};

export const GREETING: Readonly<Record<Lang, string>> = {
  en: 'Hi {name},',
  de: 'Hallo {name},',
  es: 'Hola {name}:',
  ja: '{name}様\n\nお問い合わせいただきありがとうございます。',
  zh: '{name}您好，',
};

export const SIGNOFF: Readonly<Record<Lang, string>> = {
  en: 'Best regards,\n{agent}\n{shop} Customer Care',
  de: 'Viele Grüße\n{agent}\n{shop} Kundenservice',
  es: 'Un saludo,\n{agent}\nAtención al cliente de {shop}',
  ja: '{shop} カスタマーサポート\n{agent}',
  zh: '{shop}客服 {agent}',
};

/** An agent's first reply per contact reason. */
export const AGENT_REPLIES: PerReason = {
  logistics: {
    en: [
      'Sorry for the wait. I checked the tracking with {carrier}: your parcel is in transit and should reach you within the next few days. Tracking number: {tracking}.',
      "I'm sorry your order is taking longer than promised. I've opened an investigation with {carrier} and will update you as soon as I hear back. If it doesn't arrive within 5 days we will reship or refund it.",
    ],
    de: [
      'Entschuldigen Sie die Wartezeit. Ich habe die Sendung bei {carrier} geprüft: Ihr Paket ist unterwegs und sollte in den nächsten Tagen ankommen. Sendungsnummer: {tracking}.',
      'Es tut mir leid, dass Ihre Bestellung länger braucht als angekündigt. Ich habe einen Nachforschungsauftrag bei {carrier} gestellt und melde mich, sobald ich eine Antwort habe. Falls das Paket nicht innerhalb von 5 Tagen ankommt, senden wir es erneut oder erstatten den Betrag.',
    ],
    es: [
      'Disculpe la espera. He comprobado el envío con {carrier}: su paquete está en camino y debería llegar en los próximos días. Número de seguimiento: {tracking}.',
      'Siento que su pedido esté tardando más de lo previsto. He abierto una reclamación con {carrier} y le informaré en cuanto tenga respuesta. Si no llega en 5 días, se lo volvemos a enviar o le devolvemos el dinero.',
    ],
    ja: [
      'お待たせして申し訳ございません。{carrier}の配送状況を確認したところ、お荷物は現在輸送中で、数日以内にお届けできる見込みです。追跡番号：{tracking}',
      'お届けが予定より遅れており、大変申し訳ございません。{carrier}に調査を依頼しましたので、回答があり次第ご連絡いたします。5日以内に届かない場合は、再発送または返金にて対応いたします。',
    ],
    zh: [
      '抱歉让您久等了。我查询了{carrier}的物流信息，您的包裹正在运输途中，预计这几天就能送达。运单号：{tracking}。',
      '很抱歉您的订单比承诺的时间晚到了。我已经向{carrier}提交了查件申请，有结果会第一时间通知您。如果5天内还没收到，我们会为您重新发货或退款。',
    ],
  },
  customs: {
    en: [
      "Thanks for letting us know. Import charges are set by your country's customs office. Please keep the receipt: we will refund the duties once you send us a photo of it.",
      "I've sent the commercial invoice to {carrier} so customs can release your parcel. It should be on its way again within 2-3 working days.",
    ],
    de: [
      'Danke für Ihre Nachricht. Die Einfuhrabgaben werden vom Zoll festgelegt. Bitte heben Sie den Beleg auf: Wir erstatten Ihnen die Gebühren, sobald Sie uns ein Foto davon schicken.',
      'Ich habe die Handelsrechnung an {carrier} geschickt, damit der Zoll Ihr Paket freigeben kann. Es sollte in 2-3 Werktagen wieder unterwegs sein.',
    ],
    es: [
      'Gracias por avisarnos. Los aranceles los fija la aduana de su país. Guarde el justificante: le reembolsaremos los gastos en cuanto nos envíe una foto.',
      'He enviado la factura comercial a {carrier} para que la aduana libere su paquete. Debería volver a estar en camino en 2 o 3 días laborables.',
    ],
    ja: [
      'ご連絡ありがとうございます。関税は各国の税関によって決められています。領収書の写真をお送りいただければ、関税分を返金いたします。',
      '税関でお荷物が通関できるよう、{carrier}にインボイスを送付しました。2～3営業日以内に配送が再開される見込みです。',
    ],
    zh: [
      '感谢告知。进口关税是由当地海关收取的，请保留好缴费凭证，您把照片发给我们后，我们会把关税退给您。',
      '我已经把商业发票发给{carrier}，以便海关放行您的包裹，预计2到3个工作日内会恢复派送。',
    ],
  },
  quality: {
    en: [
      "I'm very sorry about the condition of your {product}. Could you send us a photo of the damage? We'll send a replacement right away, no need to return the item.",
      "Thank you for the photos, and sorry for the trouble. I've issued a partial refund as an apology; if you prefer a full refund, you can return the item free of charge.",
    ],
    de: [
      'Es tut mir sehr leid, dass {product} in diesem Zustand angekommen ist. Könnten Sie uns ein Foto des Schadens schicken? Wir senden Ihnen sofort Ersatz, eine Rücksendung ist nicht nötig.',
      'Danke für die Fotos und entschuldigen Sie die Unannehmlichkeiten. Ich habe Ihnen als Entschuldigung eine Teilerstattung veranlasst; wenn Sie lieber den vollen Betrag möchten, können Sie den Artikel kostenlos zurückschicken.',
    ],
    es: [
      'Siento mucho el estado en que ha llegado {product}. ¿Nos puede enviar una foto del daño? Le mandamos un repuesto enseguida, no hace falta devolverlo.',
      'Gracias por las fotos y disculpe las molestias. Le he hecho un reembolso parcial como compensación; si prefiere el reembolso completo, puede devolver el artículo sin coste.',
    ],
    ja: [
      '{product}がこのような状態で届き、大変申し訳ございません。破損箇所の写真をお送りいただけますか？返品不要で、すぐに代替品をお送りいたします。',
      '写真をお送りいただきありがとうございます。ご迷惑をおかけして申し訳ございません。お詫びとして一部返金の手続きをいたしました。全額返金をご希望の場合は、送料無料で返品いただけます。',
    ],
    zh: [
      '非常抱歉{product}到货时是这样的状况。能否发一张破损部位的照片给我们？我们马上给您补发新的，不需要退回。',
      '谢谢您提供照片，给您带来不便非常抱歉。我已经为您办理了部分退款作为补偿；如果您希望全额退款，也可以免费退货。',
    ],
  },
  size: {
    en: [
      "Sorry the {product} doesn't fit. We're happy to exchange it: I've sent you a free return label by email. Based on your measurements I'd recommend one size up.",
      'Thanks for your message! Our {product} runs slightly small, so we recommend choosing one size larger than usual. If you already have it, you can exchange it free of charge.',
    ],
    de: [
      'Schade, dass {product} nicht passt. Wir tauschen gern um: Ich habe Ihnen ein kostenloses Rücksendeetikett per E-Mail geschickt. Nach Ihren Maßen empfehle ich eine Nummer größer.',
      'Danke für Ihre Nachricht! {product} fällt etwas klein aus, daher empfehlen wir, eine Größe größer als üblich zu wählen. Falls Sie den Artikel schon haben, ist der Umtausch kostenlos.',
    ],
    es: [
      'Siento que {product} no le quede bien. Se lo cambiamos encantados: le he enviado por correo una etiqueta de devolución gratuita. Por sus medidas, le recomiendo una talla más.',
      '¡Gracias por su mensaje! {product} talla un poco pequeño, así que recomendamos elegir una talla más de lo habitual. Si ya lo tiene, el cambio es gratuito.',
    ],
    ja: [
      '{product}のサイズが合わず申し訳ございません。交換を承ります。返送用の無料ラベルをメールでお送りしました。お測りいただいたサイズから、ワンサイズ上をおすすめいたします。',
      'お問い合わせありがとうございます。{product}はやや小さめの作りのため、普段よりワンサイズ大きいものをおすすめしております。お手元にある場合は無料で交換いたします。',
    ],
    zh: [
      '很抱歉{product}尺码不合适。我们可以为您免费换货，退货标签已经发到您的邮箱。根据您的尺寸，建议您选大一码。',
      '感谢您的留言！{product}版型偏小，建议您比平时选大一码。如果已经收到货，可以免费换货。',
    ],
  },
  function: {
    en: [
      "Sorry to hear that. Please hold the power button for 10 seconds to reset the {product}, then charge it with a different cable for 2 hours. Let me know if it still doesn't work.",
      "Thanks for trying those steps. It sounds like a faulty unit: I've arranged a replacement, which will ship within 2 working days. You don't need to send the old one back.",
    ],
    de: [
      'Das tut mir leid. Bitte halten Sie den Einschaltknopf 10 Sekunden gedrückt, um {product} zurückzusetzen, und laden Sie es dann 2 Stunden mit einem anderen Kabel. Geben Sie mir Bescheid, falls es immer noch nicht funktioniert.',
      'Danke, dass Sie die Schritte ausprobiert haben. Es klingt nach einem defekten Gerät: Ich habe ein Ersatzgerät veranlasst, das innerhalb von 2 Werktagen verschickt wird. Das alte Gerät müssen Sie nicht zurückschicken.',
    ],
    es: [
      'Lamento el problema. Mantenga pulsado el botón de encendido 10 segundos para reiniciar {product} y después cárguelo 2 horas con otro cable. Dígame si sigue sin funcionar.',
      'Gracias por probar esos pasos. Parece una unidad defectuosa: le he preparado un reemplazo que saldrá en 2 días laborables. No hace falta que devuelva el antiguo.',
    ],
    ja: [
      'ご不便をおかけして申し訳ございません。電源ボタンを10秒間長押しして{product}をリセットし、別のケーブルで2時間充電してみてください。それでも動作しない場合はお知らせください。',
      'お試しいただきありがとうございます。初期不良の可能性が高いため、代替品を手配いたしました。2営業日以内に発送いたします。お手元の商品の返送は不要です。',
    ],
    zh: [
      '很抱歉给您带来不便。请长按电源键10秒重置{product}，然后换一根数据线充电2小时试试。如果还是不行请告诉我。',
      '谢谢您尝试了这些步骤。看起来是产品故障，我已经为您安排换新，2个工作日内发出，旧的不用寄回。',
    ],
  },
  payment: {
    en: [
      "I've checked and you're right, the payment was captured twice. I've refunded the duplicate charge; it will show on your statement within 5-10 business days.",
      'Please find your invoice attached. Let me know if you need the company name or VAT number added.',
    ],
    de: [
      'Ich habe es geprüft und Sie haben recht, die Zahlung wurde zweimal eingezogen. Ich habe die doppelte Abbuchung erstattet; sie erscheint innerhalb von 5-10 Werktagen auf Ihrem Konto.',
      'Anbei finden Sie Ihre Rechnung. Sagen Sie mir gern Bescheid, wenn Firmenname oder USt-IdNr. ergänzt werden sollen.',
    ],
    es: [
      'Lo he comprobado y tiene razón, el pago se cobró dos veces. He reembolsado el cargo duplicado; lo verá en su extracto en 5-10 días hábiles.',
      'Le adjunto la factura. Si necesita que añadamos el nombre de la empresa o el NIF, dígamelo.',
    ],
    ja: [
      '確認いたしましたところ、ご指摘のとおり二重に決済されておりました。重複分を返金いたしましたので、5～10営業日以内にご利用明細に反映されます。',
      '領収書を添付いたしました。宛名の変更などが必要な場合はお知らせください。',
    ],
    zh: [
      '我核实过了，确实重复扣款了。重复的款项已经退回，5到10个工作日内会退回到您的账户。',
      '发票已经放在附件里了。如果需要添加公司抬头或税号，请告诉我。',
    ],
  },
  return_refund: {
    en: [
      "Of course. I've emailed you a prepaid return label, just drop the parcel off at the post office. Your refund will be issued as soon as the return is scanned.",
      "I've checked your return: it has arrived at our returns centre and your refund has now been issued. It can take 3-5 business days to appear on your account.",
    ],
    de: [
      'Natürlich. Ich habe Ihnen ein frankiertes Rücksendeetikett per E-Mail geschickt, geben Sie das Paket einfach bei der Post ab. Die Erstattung erfolgt, sobald die Rücksendung gescannt wurde.',
      'Ich habe Ihre Rücksendung geprüft: Sie ist in unserem Retourenlager angekommen und die Erstattung wurde jetzt veranlasst. Es kann 3-5 Werktage dauern, bis sie auf Ihrem Konto erscheint.',
    ],
    es: [
      'Por supuesto. Le he enviado por correo una etiqueta de devolución prepagada; solo tiene que llevar el paquete a la oficina de correos. El reembolso se emitirá en cuanto se escanee la devolución.',
      'He revisado su devolución: ya ha llegado a nuestro centro de devoluciones y el reembolso está emitido. Puede tardar de 3 a 5 días hábiles en aparecer en su cuenta.',
    ],
    ja: [
      '承知いたしました。送料無料の返送ラベルをメールでお送りしましたので、郵便局からご返送ください。返品の発送が確認でき次第、返金いたします。',
      '返品状況を確認いたしました。返品センターに到着しており、返金手続きが完了しました。口座に反映されるまで3～5営業日ほどかかる場合がございます。',
    ],
    zh: [
      '没问题。我已经把预付费的退货标签发到您的邮箱，把包裹交给邮局就可以了。退货扫描后我们会马上退款。',
      '我查了一下您的退货：已经到达我们的退货仓，退款也已经处理了，大概3到5个工作日到账。',
    ],
  },
  account: {
    en: [
      "I've sent a new password reset link to your email address. Please check your spam folder too; the link is valid for 24 hours.",
      "Done: I've updated your account and unsubscribed you from our newsletter. Is there anything else I can help with?",
    ],
    de: [
      'Ich habe Ihnen einen neuen Link zum Zurücksetzen des Passworts geschickt. Bitte schauen Sie auch im Spam-Ordner nach; der Link ist 24 Stunden gültig.',
      'Erledigt: Ich habe Ihr Konto aktualisiert und Sie vom Newsletter abgemeldet. Kann ich sonst noch helfen?',
    ],
    es: [
      'Le he enviado un nuevo enlace para restablecer la contraseña. Revise también la carpeta de spam; el enlace es válido durante 24 horas.',
      'Hecho: he actualizado su cuenta y le he dado de baja del boletín. ¿Puedo ayudarle en algo más?',
    ],
    ja: [
      'パスワード再設定用のリンクを改めてメールでお送りしました。迷惑メールフォルダもご確認ください。リンクの有効期限は24時間です。',
      'アカウント情報を更新し、メールマガジンの配信を停止いたしました。ほかにお手伝いできることはございますか？',
    ],
    zh: [
      '我已经重新给您发送了重置密码的链接，请也检查一下垃圾邮件箱，链接24小时内有效。',
      '已经帮您更新了账户信息，并取消了订阅。还有其他可以帮您的吗？',
    ],
  },
  other: {
    en: [
      "No problem, I've taken care of it for you. You'll receive a confirmation email shortly.",
      'Thanks for your question! The {product} will be back in stock in about two weeks, and yes, we ship to your area.',
    ],
    de: [
      'Kein Problem, ich habe das für Sie erledigt. Sie erhalten in Kürze eine Bestätigung per E-Mail.',
      'Danke für Ihre Frage! {product} ist in etwa zwei Wochen wieder auf Lager, und ja, wir liefern auch dorthin.',
    ],
    es: [
      'Sin problema, ya lo he gestionado. Recibirá un correo de confirmación en breve.',
      '¡Gracias por su consulta! {product} volverá a estar disponible en unas dos semanas y sí, enviamos a su zona.',
    ],
    ja: [
      '承知いたしました。対応が完了しましたので、まもなく確認メールが届きます。',
      'お問い合わせありがとうございます。{product}は2週間ほどで再入荷予定です。また、ご指定の地域への配送も可能です。',
    ],
    zh: ['没问题，已经帮您处理好了，稍后您会收到确认邮件。', '感谢咨询！{product}大约两周后补货，您所在的地区也可以配送。'],
  },
};

/** An agent's later replies in a conversation. */
export const AGENT_FOLLOWUPS: PerLang = {
  en: [
    "Thanks for the update. I've passed this on to our logistics team and will get back to you as soon as I have news.",
    "Thank you for the details. I've now arranged everything on our side; you'll get a confirmation email shortly.",
    "Understood. I've added a note to your order and our warehouse will take care of it today.",
  ],
  de: [
    'Danke für die Rückmeldung. Ich habe das an unser Logistikteam weitergegeben und melde mich, sobald es Neuigkeiten gibt.',
    'Vielen Dank für die Angaben. Ich habe jetzt alles veranlasst; Sie bekommen gleich eine Bestätigung per E-Mail.',
    'Verstanden. Ich habe eine Notiz zu Ihrer Bestellung hinzugefügt, unser Lager kümmert sich heute darum.',
  ],
  es: [
    'Gracias por la información. Lo he trasladado a nuestro equipo de logística y le escribo en cuanto tenga novedades.',
    'Gracias por los datos. Ya lo he dejado todo gestionado; recibirá un correo de confirmación en breve.',
    'Entendido. He añadido una nota a su pedido y nuestro almacén se encargará hoy mismo.',
  ],
  ja: [
    'ご連絡ありがとうございます。物流チームに共有いたしましたので、進展があり次第ご連絡いたします。',
    '詳細をお知らせいただきありがとうございます。こちらで手配が完了しましたので、まもなく確認メールが届きます。',
    '承知いたしました。ご注文にメモを追加し、本日中に倉庫にて対応いたします。',
  ],
  zh: [
    '谢谢您的反馈，我已经转给物流团队了，有进展会第一时间告诉您。',
    '谢谢您提供的信息，我们这边已经全部安排好了，稍后您会收到确认邮件。',
    '明白了，我已经在订单上做了备注，仓库今天就会处理。',
  ],
};

/** Short chat-style agent messages inside a live chat. */
export const AGENT_CHAT: PerLang = {
  en: [
    'Let me check that for you, one moment please.',
    'Thanks! I can see your order here.',
    'Is there anything else I can help you with?',
    "I understand, I'm sorry about that.",
    "I've just updated your order.",
    "You'll receive an email with the details in a few minutes.",
  ],
  de: [
    'Einen Moment bitte, ich schaue das für Sie nach.',
    'Danke! Ich sehe Ihre Bestellung hier.',
    'Kann ich sonst noch etwas für Sie tun?',
    'Das verstehe ich, das tut mir leid.',
    'Ich habe Ihre Bestellung gerade aktualisiert.',
    'Sie bekommen in ein paar Minuten eine E-Mail mit den Details.',
  ],
  es: [
    'Un momento, por favor, lo compruebo.',
    '¡Gracias! Ya veo su pedido.',
    '¿Puedo ayudarle en algo más?',
    'Lo entiendo, lo siento mucho.',
    'Acabo de actualizar su pedido.',
    'En unos minutos recibirá un correo con los detalles.',
  ],
  ja: [
    '確認いたしますので、少々お待ちください。',
    'ありがとうございます。ご注文を確認できました。',
    'ほかにご不明な点はございますか？',
    'ご不便をおかけして申し訳ございません。',
    'ただいまご注文情報を更新いたしました。',
    '数分以内に詳細をメールでお送りいたします。',
  ],
  zh: ['请稍等，我帮您查一下。', '谢谢！我这边看到您的订单了。', '还有其他可以帮您的吗？', '理解您的心情，非常抱歉。', '我刚刚帮您更新了订单。', '几分钟后您会收到一封详细说明的邮件。'],
};

export const CUSTOMER_FOLLOWUPS: PerLang = {
  en: [
    'Thanks, but it still hasn’t changed. What happens now?',
    'OK. Here is the photo you asked for.',
    'Can you tell me exactly when it will arrive? I need it before the weekend.',
    "I did that and it didn't help.",
    'Sorry, one more question: will I get a confirmation by email?',
    'Okay, thanks. And what about the refund?',
    'I checked again and nothing has changed.',
    'Could you send me that by email as well?',
  ],
  de: [
    'Danke, aber es hat sich immer noch nichts geändert. Wie geht es jetzt weiter?',
    'Okay. Hier ist das Foto, um das Sie gebeten haben.',
    'Können Sie mir genau sagen, wann es ankommt? Ich brauche es vor dem Wochenende.',
    'Das habe ich gemacht, es hat aber nicht geholfen.',
    'Noch eine Frage: Bekomme ich eine Bestätigung per E-Mail?',
    'Okay, danke. Und wie ist es mit der Erstattung?',
    'Ich habe nochmal nachgesehen, es hat sich nichts geändert.',
    'Könnten Sie mir das auch per E-Mail schicken?',
  ],
  es: [
    'Gracias, pero sigue igual. ¿Y ahora qué?',
    'Vale. Aquí tiene la foto que me pidió.',
    '¿Me puede decir exactamente cuándo llegará? Lo necesito antes del fin de semana.',
    'Ya lo he hecho y no ha servido de nada.',
    'Perdone, una pregunta más: ¿recibiré una confirmación por correo?',
    'Vale, gracias. ¿Y qué pasa con el reembolso?',
    'He vuelto a mirar y no ha cambiado nada.',
    '¿Me lo pueden enviar también por correo?',
  ],
  ja: [
    'ありがとうございます。でも、まだ状況が変わりません。このあとどうなりますか？',
    'わかりました。ご依頼の写真を添付します。',
    'いつ届くか正確に教えてもらえますか？週末までに必要なんです。',
    '言われたとおりにやってみましたが、だめでした。',
    'もう一つ質問です。確認のメールは届きますか？',
    'わかりました。返金についてはどうなりますか？',
    'もう一度確認しましたが、何も変わっていません。',
    '同じ内容をメールでも送っていただけますか？',
  ],
  zh: [
    '谢谢，但是还是没有变化，接下来怎么办？',
    '好的，这是你们要的照片。',
    '能告诉我具体什么时候到吗？我周末之前要用。',
    '我按你说的做了，还是不行。',
    '不好意思再问一下，我会收到确认邮件吗？',
    '好的，谢谢。那退款怎么处理？',
    '我又看了一下，还是没有变化。',
    '可以把这些也发到我的邮箱吗？',
  ],
};

/** A second message the customer sends right after their own. */
export const CUSTOMER_ADDENDA: PerLang = {
  en: ['Here are some photos.', 'Sorry, forgot to mention: I need this sorted this week.', 'Please let me know as soon as possible.'],
  de: ['Hier noch ein paar Fotos.', 'Entschuldigung, vergessen zu erwähnen: Ich brauche das diese Woche.', 'Bitte melden Sie sich so schnell wie möglich.'],
  es: ['Le mando unas fotos.', 'Perdón, se me olvidó decir que lo necesito esta semana.', 'Por favor, díganme algo lo antes posible.'],
  ja: ['写真を添付します。', 'すみません、言い忘れましたが、今週中に必要です。', 'できるだけ早くご連絡ください。'],
  zh: ['补充几张照片。', '忘了说，我这周就要用。', '请尽快回复，谢谢。'],
};

/** A customer chasing an unanswered message in the same conversation. */
export const CUSTOMER_CHASERS: PerLang = {
  en: ["Hello? I'm still waiting for an answer.", "Any update on this? It's been days.", 'Is anyone reading these messages?'],
  de: ['Hallo? Ich warte immer noch auf eine Antwort.', 'Gibt es hierzu etwas Neues? Es sind schon Tage vergangen.', 'Liest überhaupt jemand diese Nachrichten?'],
  es: ['¿Hola? Sigo esperando una respuesta.', '¿Hay alguna novedad? Ya han pasado días.', '¿Alguien lee estos mensajes?'],
  ja: ['すみません、まだ返事をいただいていません。', 'その後どうなっていますか？もう何日も経っています。', 'このメッセージは読まれていますか？'],
  zh: ['你好？我还在等回复。', '有进展吗？已经好几天了。', '有人在看消息吗？'],
};

/** A customer opening a second conversation because the first went unanswered. */
export const CUSTOMER_NEW_CHASE: PerLang = {
  en: [
    'I wrote to you two days ago about order {order} and nobody has answered. Please reply.',
    'Second message: still no answer to my request. This is really frustrating.',
  ],
  de: [
    'Ich habe Ihnen vor zwei Tagen wegen Bestellung {order} geschrieben und niemand hat geantwortet. Bitte melden Sie sich.',
    'Zweite Nachricht: Immer noch keine Antwort auf meine Anfrage. Das ist wirklich ärgerlich.',
  ],
  es: [
    'Les escribí hace dos días por el pedido {order} y nadie me ha contestado. Por favor, respondan.',
    'Segundo mensaje: sigo sin respuesta a mi consulta. Es muy frustrante.',
  ],
  ja: ['2日前に注文{order}について問い合わせましたが、まだ返信がありません。早めにご回答ください。', '2回目の連絡です。問い合わせへの返事がまだありません。とても困っています。'],
  zh: ['我两天前就订单{order}给你们发过消息，到现在没人回复，请尽快处理。', '第二次联系了，我的问题还是没有人回复，真的很让人着急。'],
};

export const CUSTOMER_THANKS: PerLang = {
  en: ['Great, thank you!', 'Thanks for your help.', "Perfect, that's all I needed."],
  de: ['Super, vielen Dank!', 'Danke für Ihre Hilfe.', 'Perfekt, das war alles.'],
  es: ['¡Genial, muchas gracias!', 'Gracias por su ayuda.', 'Perfecto, era todo lo que necesitaba.'],
  ja: ['ありがとうございます！', 'ご対応ありがとうございました。', '助かりました。これで大丈夫です。'],
  zh: ['太好了，谢谢！', '谢谢你的帮助。', '好的，没有其他问题了。'],
};

/** A customer writing again after the conversation was solved. */
export const CUSTOMER_REOPENS: PerLang = {
  en: ["Sorry, but the problem isn't solved.", 'I still haven’t received anything. Why was this closed?', "It's the same issue again, it stopped working after a day."],
  de: ['Tut mir leid, aber das Problem ist nicht gelöst.', 'Ich habe immer noch nichts erhalten. Warum wurde das geschlossen?', 'Es ist wieder dasselbe Problem, nach einem Tag ging es wieder nicht mehr.'],
  es: ['Lo siento, pero el problema no está resuelto.', 'Sigo sin recibir nada. ¿Por qué se ha cerrado esto?', 'Vuelve a pasar lo mismo: dejó de funcionar al día siguiente.'],
  ja: ['申し訳ありませんが、問題は解決していません。', 'まだ何も届いていません。なぜ解決済みになっているのですか？', 'また同じ問題です。一日でまた使えなくなりました。'],
  zh: ['不好意思，问题并没有解决。', '我还是什么都没收到，为什么就关闭了？', '又是同样的问题，用了一天又不行了。'],
};

// ---- the bot ----------------------------------------------------------------------------------------------

export const BOT_GREETING: Readonly<Record<Lang, string>> = {
  en: "Hi {name}! I'm ShopBot, the {shop} virtual assistant.",
  de: 'Hallo {name}! Ich bin ShopBot, der virtuelle Assistent von {shop}.',
  es: '¡Hola, {name}! Soy ShopBot, el asistente virtual de {shop}.',
  ja: '{name}様、こんにちは！{shop}のバーチャルアシスタント、ShopBotです。',
  zh: '{name}您好！我是{shop}的智能助手ShopBot。',
};

export const BOT_HINTS: Readonly<Record<Reason, Readonly<Record<Lang, string>>>> = {
  logistics: {
    en: 'You can track your parcel any time here: https://{domain}/tracking. Most orders arrive within 7-20 days.',
    de: 'Ihre Sendung können Sie jederzeit hier verfolgen: https://{domain}/tracking. Die meisten Bestellungen kommen innerhalb von 7-20 Tagen an.',
    es: 'Puede seguir su paquete en cualquier momento aquí: https://{domain}/tracking. La mayoría de los pedidos llegan en 7-20 días.',
    ja: 'お荷物の配送状況はこちらからいつでも確認できます：https://{domain}/tracking 通常7～20日でお届けしています。',
    zh: '您可以随时在这里查询物流：https://{domain}/tracking 大部分订单7到20天送达。',
  },
  customs: {
    en: 'Import duties are charged by your local customs office. Our customs guide: https://{domain}/help/customs',
    de: 'Einfuhrabgaben erhebt Ihr örtliches Zollamt. Unser Zoll-Ratgeber: https://{domain}/help/customs',
    es: 'Los aranceles los cobra la aduana de su país. Nuestra guía de aduanas: https://{domain}/help/customs',
    ja: '関税はお住まいの国の税関によって課されます。関税ガイド：https://{domain}/help/customs',
    zh: '进口关税由当地海关收取。清关指南：https://{domain}/help/customs',
  },
  quality: {
    en: "I'm sorry to hear that! You can report a damaged item with photos here: https://{domain}/help/damaged",
    de: 'Das tut mir leid! Beschädigte Artikel können Sie hier mit Fotos melden: https://{domain}/help/damaged',
    es: '¡Lo siento mucho! Puede notificar un artículo dañado con fotos aquí: https://{domain}/help/damaged',
    ja: '申し訳ございません！破損した商品は、こちらから写真付きでご報告いただけます：https://{domain}/help/damaged',
    zh: '非常抱歉！您可以在这里上传照片反馈商品损坏：https://{domain}/help/damaged',
  },
  size: {
    en: 'Our size guide with measurements for every product is here: https://{domain}/size-guide. Exchanges are free.',
    de: 'Unsere Größentabelle mit Maßen für jedes Produkt finden Sie hier: https://{domain}/size-guide. Der Umtausch ist kostenlos.',
    es: 'Nuestra guía de tallas con las medidas de cada producto está aquí: https://{domain}/size-guide. Los cambios son gratuitos.',
    ja: '各商品のサイズ表はこちらです：https://{domain}/size-guide サイズ交換は無料です。',
    zh: '每款商品的尺码表在这里：https://{domain}/size-guide 换货免费。',
  },
  function: {
    en: 'Most issues are fixed by a reset: hold the power button for 10 seconds. Manuals and videos: https://{domain}/help/setup',
    de: 'Die meisten Probleme löst ein Reset: Einschaltknopf 10 Sekunden gedrückt halten. Anleitungen und Videos: https://{domain}/help/setup',
    es: 'La mayoría de los problemas se arreglan reiniciando: mantenga pulsado el botón de encendido 10 segundos. Manuales y vídeos: https://{domain}/help/setup',
    ja: 'ほとんどの不具合はリセットで解決します。電源ボタンを10秒間長押ししてください。説明書と動画：https://{domain}/help/setup',
    zh: '大部分问题重置一下就能解决：长按电源键10秒。说明书和视频：https://{domain}/help/setup',
  },
  payment: {
    en: 'Invoices can be downloaded in your account under Orders. A double charge is usually a pre-authorisation that disappears within 5 days.',
    de: 'Rechnungen finden Sie in Ihrem Konto unter „Bestellungen“. Eine doppelte Abbuchung ist meist eine Vorautorisierung, die nach 5 Tagen verschwindet.',
    es: 'Puede descargar las facturas en su cuenta, en «Pedidos». Un cargo doble suele ser una preautorización que desaparece en 5 días.',
    ja: '領収書はマイページの「注文履歴」からダウンロードできます。二重請求に見えるものは通常、仮売上で5日以内に解除されます。',
    zh: '发票可以在账户的“我的订单”里下载。重复扣款通常是预授权，5天内会自动解除。',
  },
  return_refund: {
    en: 'You can start a return here: https://{domain}/returns. Refunds are issued within 5 days of the return being scanned.',
    de: 'Eine Rücksendung können Sie hier starten: https://{domain}/returns. Die Erstattung erfolgt innerhalb von 5 Tagen nach dem Scan der Rücksendung.',
    es: 'Puede iniciar una devolución aquí: https://{domain}/returns. El reembolso se hace en 5 días desde que se escanea la devolución.',
    ja: '返品はこちらから手続きできます：https://{domain}/returns 返送の確認から5日以内に返金いたします。',
    zh: '您可以在这里申请退货：https://{domain}/returns 退货扫描后5天内退款。',
  },
  account: {
    en: 'You can reset your password here: https://{domain}/account/reset',
    de: 'Ihr Passwort können Sie hier zurücksetzen: https://{domain}/account/reset',
    es: 'Puede restablecer su contraseña aquí: https://{domain}/account/reset',
    ja: 'パスワードはこちらから再設定できます：https://{domain}/account/reset',
    zh: '您可以在这里重置密码：https://{domain}/account/reset',
  },
  other: {
    en: 'Here are the answers to our most common questions: https://{domain}/help',
    de: 'Hier finden Sie Antworten auf die häufigsten Fragen: https://{domain}/help',
    es: 'Aquí tiene las respuestas a las preguntas más frecuentes: https://{domain}/help',
    ja: 'よくあるご質問はこちらをご覧ください：https://{domain}/help',
    zh: '常见问题解答请看这里：https://{domain}/help',
  },
};

export const BOT_QUESTION: Readonly<Record<Lang, string>> = {
  en: 'Did that answer your question?',
  de: 'Konnte ich Ihnen damit helfen?',
  es: '¿Le ha servido esta respuesta?',
  ja: 'こちらで解決しましたか？',
  zh: '请问解决您的问题了吗？',
};

export const BOT_HANDOFF: Readonly<Record<Lang, string>> = {
  en: "No problem, I'm connecting you with a member of our team. They'll reply right here.",
  de: 'Kein Problem, ich verbinde Sie mit einem Mitglied unseres Teams. Die Antwort kommt direkt hier.',
  es: 'Sin problema, le paso con una persona de nuestro equipo. Le responderá aquí mismo.',
  ja: '承知しました。担当スタッフにおつなぎします。こちらで返信いたします。',
  zh: '好的，正在为您转接人工客服，客服会在这里回复您。',
};

export const BOT_HANDOFF_OFFLINE: Readonly<Record<Lang, string>> = {
  en: "Our team is offline right now. I've passed on your message and an agent will reply here as soon as they're back.",
  de: 'Unser Team ist gerade nicht erreichbar. Ich habe Ihre Nachricht weitergegeben; sobald jemand da ist, erhalten Sie hier eine Antwort.',
  es: 'Ahora mismo nuestro equipo no está disponible. He pasado su mensaje y un agente le responderá aquí en cuanto vuelva.',
  ja: '現在、スタッフは営業時間外です。メッセージをお預かりしましたので、営業開始後こちらで返信いたします。',
  zh: '人工客服现在不在线，我已经转达了您的留言，客服上班后会在这里回复您。',
};

export const BOT_BYE: Readonly<Record<Lang, string>> = {
  en: 'Glad I could help! Have a great day.',
  de: 'Freut mich, dass ich helfen konnte! Einen schönen Tag noch.',
  es: '¡Me alegro de haberle ayudado! Que tenga un buen día.',
  ja: 'お役に立ててよかったです！良い一日をお過ごしください。',
  zh: '很高兴能帮到您，祝您生活愉快！',
};

export const CUSTOMER_BOT_OK: PerLang = {
  en: ['Yes, thanks!', 'Ok, that answers it.', 'Got it, thank you.'],
  de: ['Ja, danke!', 'Okay, das beantwortet meine Frage.', 'Alles klar, danke.'],
  es: ['¡Sí, gracias!', 'Vale, ya está resuelto.', 'Entendido, gracias.'],
  ja: ['はい、ありがとうございます！', 'わかりました、解決しました。', '了解です。ありがとう。'],
  zh: ['解决了，谢谢！', '好的，明白了。', '知道了，谢谢。'],
};

export const CUSTOMER_ASK_HUMAN: PerLang = {
  en: ['No, I want to talk to a person.', "That doesn't help. Agent please.", 'Human please.'],
  de: ['Nein, ich möchte mit einem Menschen sprechen.', 'Das hilft mir nicht. Bitte einen Mitarbeiter.', 'Bitte verbinden Sie mich mit einem Mitarbeiter.'],
  es: ['No, quiero hablar con una persona.', 'Eso no me ayuda. Con un agente, por favor.', 'Quiero hablar con alguien del equipo.'],
  ja: ['いいえ、担当者と話したいです。', '解決しません。オペレーターをお願いします。', '人と話せますか？'],
  zh: ['没有，我要找人工客服。', '没用，转人工。', '人工客服'],
};

// ---- proactive (agent-created) conversations ---------------------------------------------------------------

export type OutboundKind = 'delay' | 'customs' | 'address';

export const OUTBOUND_SUBJECTS: Readonly<Record<OutboundKind, Readonly<Record<Lang, string>>>> = {
  delay: {
    en: 'Your order {order} is delayed',
    de: 'Ihre Bestellung {order} verzögert sich',
    es: 'Su pedido {order} lleva retraso',
    ja: 'ご注文{order}の配送遅延について',
    zh: '您的订单{order}配送延迟',
  },
  customs: {
    en: 'Customs needs information for your order {order}',
    de: 'Der Zoll benötigt Angaben zu Ihrer Bestellung {order}',
    es: 'La aduana necesita datos de su pedido {order}',
    ja: 'ご注文{order}の通関に必要な情報について',
    zh: '订单{order}清关需要补充资料',
  },
  address: {
    en: 'Please confirm your shipping address',
    de: 'Bitte bestätigen Sie Ihre Lieferadresse',
    es: 'Confirme su dirección de envío, por favor',
    ja: 'お届け先住所のご確認のお願い',
    zh: '请确认您的收货地址',
  },
};

export const OUTBOUND_BODIES: Readonly<Record<OutboundKind, Readonly<Record<Lang, string>>>> = {
  delay: {
    en: "We noticed that your order {order} is delayed with {carrier}, and we're sorry. We are watching it closely; if it hasn't arrived within 7 days we'll send a replacement or a full refund. Just reply to this message.",
    de: 'Wir haben bemerkt, dass sich Ihre Bestellung {order} bei {carrier} verzögert, und das tut uns leid. Wir behalten die Sendung im Blick; falls sie nicht innerhalb von 7 Tagen ankommt, schicken wir Ersatz oder erstatten den vollen Betrag. Antworten Sie einfach auf diese Nachricht.',
    es: 'Hemos visto que su pedido {order} lleva retraso con {carrier} y lo sentimos. Lo estamos vigilando; si no llega en 7 días le enviaremos uno nuevo o le devolveremos el importe completo. Solo tiene que responder a este mensaje.',
    ja: 'ご注文{order}の配送が{carrier}にて遅れていることを確認いたしました。大変申し訳ございません。引き続き状況を確認し、7日以内に届かない場合は再発送または全額返金いたします。このメッセージにご返信ください。',
    zh: '我们注意到您的订单{order}在{carrier}的运输出现了延迟，非常抱歉。我们会持续跟进；如果7天内还没送到，我们会为您补发或全额退款。直接回复这条消息即可。',
  },
  customs: {
    en: "Customs in your country has asked for the recipient's tax ID to release your order {order}. Could you reply with it so we can forward it to {carrier}?",
    de: 'Der Zoll benötigt Ihre Steuer-Identifikationsnummer, um Ihre Bestellung {order} freizugeben. Könnten Sie sie uns mitteilen, damit wir sie an {carrier} weiterleiten?',
    es: 'La aduana de su país solicita el NIF/NIE del destinatario para liberar su pedido {order}. ¿Nos lo puede enviar para reenviarlo a {carrier}?',
    ja: 'ご注文{order}の通関のため、税関より受取人様の個人番号の提出を求められています。{carrier}へ転送いたしますので、ご返信いただけますか？',
    zh: '海关要求提供收件人的身份证号码以便放行订单{order}，请回复给我们，我们会转交给{carrier}。',
  },
  address: {
    en: '{carrier} could not validate the shipping address of your order {order}. Could you please confirm your full address, including the house number?',
    de: '{carrier} konnte die Lieferadresse Ihrer Bestellung {order} nicht bestätigen. Könnten Sie uns bitte Ihre vollständige Adresse inklusive Hausnummer mitteilen?',
    es: '{carrier} no ha podido validar la dirección de envío de su pedido {order}. ¿Nos confirma la dirección completa, con número y piso?',
    ja: '{carrier}にてご注文{order}のお届け先住所を確認できませんでした。番地・部屋番号を含む正しいご住所をお知らせいただけますか？',
    zh: '{carrier}无法核实您订单{order}的收货地址，请确认完整地址，包括门牌号。',
  },
};

// ---- internal notes, CSAT, reviews ------------------------------------------------------------------------

export const INTERNAL_NOTES_EN = [
  'Checked tracking in the {carrier} portal: no scan for several days. Opened a trace request.',
  'Customer is a repeat buyer, OK to offer a goodwill refund.',
  'Asked the warehouse to check stock before promising a replacement.',
  'Carrier investigation opened, case pending. On hold until they reply.',
  'Escalated to team lead: refund above agent limit.',
  'Photo received, damage confirmed. Replacement approved.',
  'Order number not in the form; found it by the customer email.',
];

export const INTERNAL_NOTES_ZH = ['已联系仓库核实库存，等待回复。', '物流商已开查件单，暂时挂起。', '客户是老客户，可以给补偿。'];

export const HOLD_NOTES = [
  'Trace request opened with {carrier}. Waiting for the carrier, ticket on hold.',
  'Waiting for the warehouse to confirm the replacement stock. On hold.',
];

export const CSAT_COMMENTS: Readonly<Record<'good' | 'bad', PerLang>> = {
  good: {
    en: ['Quick and friendly help, thanks!', 'Problem solved, great service.'],
    de: ['Schnelle und freundliche Hilfe, danke!', 'Problem gelöst, toller Service.'],
    es: ['Ayuda rápida y amable, ¡gracias!', 'Problema resuelto, muy buen servicio.'],
    ja: ['迅速で丁寧な対応でした。', '解決しました。ありがとうございました。'],
    zh: ['回复很快，态度很好，谢谢！', '问题解决了，服务很好。'],
  },
  bad: {
    en: ['Took far too long to get an answer.', 'My problem is still not solved.', 'Copy-paste answers, no real help.'],
    de: ['Es hat viel zu lange gedauert, bis eine Antwort kam.', 'Mein Problem ist immer noch nicht gelöst.', 'Nur Textbausteine, keine echte Hilfe.'],
    es: ['Tardaron demasiado en responder.', 'Mi problema sigue sin resolverse.', 'Respuestas automáticas, ninguna ayuda real.'],
    ja: ['返信が遅すぎます。', 'まだ問題が解決していません。', '定型文ばかりで役に立ちませんでした。'],
    zh: ['回复太慢了。', '我的问题还是没有解决。', '都是模板回复，没有真正帮到我。'],
  },
};

export const CSAT_BAD_REASONS = [
  'The issue took too long to resolve',
  "The issue was not resolved",
  "The agent's knowledge is unsatisfactory",
  "The agent's attitude is unsatisfactory",
  'Some other reason',
];

export const REVIEW_TITLES: Readonly<Record<1 | 2 | 3 | 4 | 5, PerLang>> = {
  5: {
    en: ['Love it!', 'Excellent quality', 'Exactly as described'],
    de: ['Super Produkt!', 'Top Qualität', 'Genau wie beschrieben'],
    es: ['¡Me encanta!', 'Calidad excelente', 'Tal como se describe'],
    ja: ['とても満足です', '品質が良い', '説明どおりの商品'],
    zh: ['非常满意', '质量很好', '和描述一致'],
  },
  4: {
    en: ['Good value', 'Pretty good'],
    de: ['Gutes Preis-Leistungs-Verhältnis', 'Ganz gut'],
    es: ['Buena relación calidad-precio', 'Bastante bien'],
    ja: ['コスパが良い', 'まあまあ良い'],
    zh: ['性价比不错', '还不错'],
  },
  3: {
    en: ["It's okay", 'Mixed feelings'],
    de: ['Geht so', 'Gemischte Gefühle'],
    es: ['Normalito', 'Sensaciones encontradas'],
    ja: ['普通です', '可もなく不可もなく'],
    zh: ['一般般', '感觉一般'],
  },
  2: {
    en: ['Disappointed', 'Not great'],
    de: ['Enttäuscht', 'Nicht empfehlenswert'],
    es: ['Decepcionante', 'No muy bueno'],
    ja: ['残念です', '期待はずれ'],
    zh: ['有点失望', '不太满意'],
  },
  1: {
    en: ['Terrible experience', 'Avoid this seller'],
    de: ['Katastrophe', 'Finger weg von diesem Händler'],
    es: ['Experiencia horrible', 'No compren aquí'],
    ja: ['最悪です', '二度と買いません'],
    zh: ['非常差', '不会再买了'],
  },
};

export type ReviewAspect = 'late' | 'slowSupport' | 'unresolved' | 'goodSupport' | 'returned';

export const REVIEW_ASPECTS: Readonly<Record<ReviewAspect, Readonly<Record<Lang, string>>>> = {
  late: {
    en: 'Delivery took forever: it arrived {days} days later than promised.',
    de: 'Die Lieferung hat ewig gedauert: {days} Tage später als angekündigt.',
    es: 'El envío tardó muchísimo: llegó {days} días más tarde de lo prometido.',
    ja: '配達がとても遅く、予定より{days}日遅れて届きました。',
    zh: '物流太慢了，比承诺的晚了{days}天才到。',
  },
  slowSupport: {
    en: 'Customer service took days to answer my message.',
    de: 'Der Kundenservice hat tagelang nicht auf meine Nachricht reagiert.',
    es: 'Atención al cliente tardó días en contestar.',
    ja: 'カスタマーサービスの返信に何日もかかりました。',
    zh: '客服好几天才回复我的消息。',
  },
  unresolved: {
    en: 'My problem was never solved.',
    de: 'Mein Problem wurde nie gelöst.',
    es: 'Nunca me solucionaron el problema.',
    ja: '問題は結局解決されませんでした。',
    zh: '我的问题到现在都没有解决。',
  },
  goodSupport: {
    en: 'Support was quick and helpful when I had a question.',
    de: 'Der Support hat schnell und freundlich geholfen.',
    es: 'El servicio de atención fue rápido y amable.',
    ja: '問い合わせへの対応が早くて丁寧でした。',
    zh: '客服回复很快，态度也很好。',
  },
  returned: {
    en: 'I had to send it back.',
    de: 'Ich musste den Artikel zurückschicken.',
    es: 'Tuve que devolverlo.',
    ja: '返品することになりました。',
    zh: '最后只能退货。',
  },
};

export const REVIEW_OVERALL: Readonly<Record<'positive' | 'neutral' | 'negative', PerLang>> = {
  positive: {
    en: ['Great quality for the price.', 'Works perfectly, would buy again.', 'Fast shipping and well packaged.'],
    de: ['Tolle Qualität für den Preis.', 'Funktioniert einwandfrei, würde ich wieder kaufen.', 'Schneller Versand und gut verpackt.'],
    es: ['Muy buena calidad por el precio.', 'Funciona perfectamente, volvería a comprar.', 'Envío rápido y bien embalado.'],
    ja: ['値段の割に品質がとても良いです。', '問題なく使えています。また買いたいです。', '発送が早く、梱包も丁寧でした。'],
    zh: ['这个价格质量很好。', '用起来没问题，会回购。', '发货快，包装也很好。'],
  },
  neutral: {
    en: ['It does the job, nothing special.', 'Quality is average.'],
    de: ['Erfüllt seinen Zweck, mehr nicht.', 'Die Qualität ist durchschnittlich.'],
    es: ['Cumple, sin más.', 'La calidad es normal.'],
    ja: ['使えますが、特別良くはないです。', '品質は普通です。'],
    zh: ['能用，没什么特别的。', '质量一般。'],
  },
  negative: {
    en: ['Cheap quality, not as shown in the pictures.', 'Would not recommend.'],
    de: ['Billige Qualität, nicht wie auf den Bildern.', 'Kann ich nicht empfehlen.'],
    es: ['Calidad muy baja, no es como en las fotos.', 'No lo recomiendo.'],
    ja: ['安っぽくて、写真と違います。', 'おすすめしません。'],
    zh: ['做工粗糙，和图片不一样。', '不推荐。'],
  },
};

/** Joins sentences the way the language does (no spaces between Japanese or Chinese sentences). */
export function joinSentences(lang: Lang, sentences: readonly string[]): string {
  return sentences.join(lang === 'ja' || lang === 'zh' ? '' : ' ');
}
