// Uploads one file to the DockGateway cloud with the reference tus-js-client, wrapping its Node
// HTTP stack so that every request carries the dock's RFC 9421 signature (ed25519 over @method,
// @target-uri, an RFC 9530 sha-256 content-digest and each tus header the request carries, with
// created, keyid and a nonce).
// usage: node upload.mjs <endpoint> <dock id> <ed25519 seed hex> <file> <sha256 hex> <entry>
import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { DefaultHttpStack, Upload } from 'tus-js-client'

// The tus header fields covered whenever present, in the dock's order (SignatureBase.TusFields).
const tusFields = ['Tus-Resumable', 'Upload-Length', 'Upload-Offset', 'Upload-Metadata', 'Upload-Checksum', 'Upload-Defer-Length', 'Upload-Concat']

const [endpoint, dockId, seedHex, file, sha256, entry] = process.argv.slice(2)
const key = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seedHex, 'hex')]),
  format: 'der',
  type: 'pkcs8',
})

class SigningStack {
  constructor(inner) { this._inner = inner }
  getName() { return 'SigningStack' }
  createRequest(method, url) {
    const request = this._inner.createRequest(method, url)
    const send = request.send.bind(request)
    request.send = (body = null) => {
      const bytes = body instanceof Uint8Array ? body : Buffer.alloc(0)
      const digest = `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`
      const fields = tusFields.filter((name) => request.getHeader(name) !== undefined)
        .map((name) => [name.toLowerCase(), String(request.getHeader(name)).trim()])
      const covered = ['"@method"', '"@target-uri"', '"content-digest"', ...fields.map(([name]) => `"${name}"`)].join(' ')
      const params = `(${covered});created=${Math.floor(Date.now() / 1000)}`
        + `;keyid="${dockId}";alg="ed25519";nonce="${randomBytes(16).toString('hex')}"`
      const lines = [`"@method": ${method}`, `"@target-uri": ${url}`, `"content-digest": ${digest}`,
        ...fields.map(([name, value]) => `"${name}": ${value}`), `"@signature-params": ${params}`]
      const base = lines.join('\n')
      request.setHeader('Content-Digest', digest)
      request.setHeader('Signature-Input', `sig1=${params}`)
      request.setHeader('Signature', `sig1=:${sign(null, Buffer.from(base, 'utf8'), key).toString('base64')}:`)
      return send(body)
    }
    return request
  }
}

const data = readFileSync(file)
const upload = new Upload(data, {
  endpoint,
  chunkSize: 64 * 1024,
  retryDelays: null,
  storeFingerprintForResuming: false,
  metadata: { sha256, size: String(data.length), entry, filename: 'interop.bin' },
  httpStack: new SigningStack(new DefaultHttpStack()),
  onError: (error) => { console.error(`tus-js-client failed: ${error}`); process.exit(1) },
  onSuccess: () => { console.log(upload.url); process.exit(0) },
})
upload.start()
