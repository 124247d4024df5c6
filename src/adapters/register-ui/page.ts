// The register page's HTML shell (/register): static markup the browser script (browser/app.js)
// fills in. Served with the scripts by routes.ts; cached by the service worker (browser/sw.js).
export const registerPageHtml = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>レジ - Uriage</title>
<link rel="stylesheet" href="/register/register.css">
<script type="module" src="/register/app.js"></script>
</head>
<body>
<section id="setup" hidden>
  <h1>レジの設定</h1>
  <label>ペアリングコード <input id="pair-code" autocomplete="off" placeholder="ABCD-1234"></label>
  <button id="pair-save">ペアリング</button>
  <p>または</p>
  <label>レジのトークン <input id="token" autocomplete="off"></label>
  <button id="setup-save">接続する</button>
  <p id="setup-error" class="error"></p>
</section>
<header><span id="store-name"></span><select id="staff" aria-label="担当者"></select>
  <span id="online"></span><span id="unsent" data-count="0">未送信 0</span>
  <button id="errors-open" data-count="0" hidden>送信エラー 0</button></header>
<main id="main" hidden>
  <section>
    <nav id="tabs"></nav>
    <div id="products"></div>
  </section>
  <section>
    <ul id="cart"></ul>
    <div id="total">¥0</div>
    <div class="controls">
      <button id="qty-up">＋</button><button id="qty-down">－</button>
      <input id="adjust" type="number" inputmode="numeric" placeholder="値引き額(マイナスで値上げ)" aria-label="値引き額">
      <button id="line-discount">単品値引</button><button id="order-discount">全体割引</button>
      <button id="return-mode">返品</button>
      <label>客数 <input id="customers" type="number" min="0" value="1" style="width:64px"></label>
    </div>
    <div class="controls">
      <button id="hold">保留</button><button id="recall-open">呼出</button>
      <button id="abort">中断</button><button id="pay" class="on">会計</button>
    </div>
    <div class="controls">
      <button id="history-open">会計履歴</button>
      <input id="drawer-amount" type="number" inputmode="numeric" placeholder="入出金額" aria-label="入出金額">
      <button id="cash-in">レジ入金</button><button id="cash-out">レジ出金</button>
      <button id="close-open">閉局</button>
      <span id="drawer-error" class="error"></span>
    </div>
  </section>
</main>
<section id="tender" class="panel" hidden>
  <h2>お会計 <span id="tender-total"></span></h2>
  <input id="tender-amount" type="number" inputmode="numeric" placeholder="預かり金額(空欄は残額)" aria-label="預かり金額">
  <div id="methods" class="controls"></div>
  <ul id="tender-paid"></ul>
  <p>お釣り <span id="tender-change"></span></p>
  <p id="tender-error" class="error"></p>
  <button id="commit">確定</button><button id="tender-cancel">戻る</button>
</section>
<section id="receipt-panel" class="panel" hidden><div id="receipt-box"></div>
  <div class="controls"><button id="receipt-print">印刷</button><button id="receipt-close">閉じる</button></div>
  <div class="controls"><label>宛名 <input id="formal-addressee" maxlength="40" autocomplete="off"></label>
  <label>但し書き <input id="formal-note" maxlength="40" placeholder="お品代として" autocomplete="off"></label>
  <button id="formal-print">領収書</button></div>
  <p id="print-status" role="status"></p></section>
<section id="errors" class="panel" hidden><h2>送信エラー</h2>
  <p>サーバーが受け付けなかった会計・入出金です。内容を確認して、必要なら打ち直してください。</p>
  <ul id="errors-list"></ul><button id="errors-close">閉じる</button></section>
<section id="recall" class="panel" hidden><h2>保留中の会計</h2><ul id="recall-list"></ul></section>
<section id="history" class="panel" hidden><h2>会計履歴</h2><ul id="history-list"></ul><button id="history-close">閉じる</button></section>
<section id="close" class="panel" hidden>
  <h2>閉局</h2>
  <label>釣銭準備金 <input id="float" type="number" min="0" value="0"></label>
  <div id="denoms"></div>
  <p>実際の現金 <span id="counted"></span> / 予定 <span id="expected"></span> / 差異 <span id="difference"></span></p>
  <p id="close-error" class="error"></p>
  <button id="close-confirm">閉局する</button><button id="close-cancel">戻る</button>
  <div id="report-box"></div>
  <button id="report-print" hidden>日報を印刷</button><p id="report-print-status" role="status"></p>
</section>
</body>
</html>
`;
