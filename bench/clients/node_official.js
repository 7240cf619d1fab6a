// The official Node SDK (@bootpay/backend-js) as one benchmark client: `node node_official.js BASE RID N M`.
// Pointed at the bench server through its mode table (no base-URL option); one token, N awaited look-ups,
// then M with 32 in flight (32 async workers sharing the client).
'use strict'
const path = require('path')
const { Bootpay } = require(path.join(__dirname, '..', 'node', 'node_modules', '@bootpay', 'backend-js'))

const [base, rid, nText, mText] = process.argv.slice(-4)
const n = Number(nText)
const m = Number(mText)
const CONCURRENCY = 32

async function main () {
  Bootpay.API_ENTRYPOINTS.bench = base.replace(/\/$/, '')
  Bootpay.setConfiguration({ application_id: 'bench-application-id', private_key: 'bench-private-key-0000000000000000000000000=', mode: 'bench' })
  const t0 = process.hrtime.bigint()
  const token = await Bootpay.getAccessToken()
  if (!token.access_token) throw new Error('no token')
  const tokenS = Number(process.hrtime.bigint() - t0) / 1e9
  const one = async () => {
    const receipt = await Bootpay.receiptPayment(rid)
    if (receipt.receipt_id !== rid) throw new Error('wrong receipt')
    return receipt.price
  }
  const t1 = process.hrtime.bigint()
  for (let i = 0; i < n; i++) await one()
  const seqS = Number(process.hrtime.bigint() - t1) / 1e9
  let left = m
  const worker = async () => { while (left > 0) { left--; await one() } }
  const t2 = process.hrtime.bigint()
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, Math.max(m, 1)) }, worker))
  const concS = Number(process.hrtime.bigint() - t2) / 1e9
  const rssKb = Math.round(process.resourceUsage().maxRSS)
  console.log(JSON.stringify({ token_s: tokenS, seq_calls: n, seq_s: seqS, conc_calls: m, conc_s: concS, rss_kb: rssKb }))
}

main().catch((e) => { console.error(e && e.message ? e.message : e); process.exit(1) })
