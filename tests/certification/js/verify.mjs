// Independent, offline verification of TT Academy credentials with Digital Bazaar's libraries.
//
// Reads one JSON object on stdin:
//   {"credentials": [...], "didDocument": {...}, "contexts": {"<url>": <context document>, ...}}
// and prints one JSON array on stdout: [{"verified": true|false, "error": "..."}, ...].
// The document loader answers only from the given contexts and DID document: no network.
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const {credentials, didDocument, contexts} = JSON.parse(Buffer.concat(chunks).toString('utf8'));

function documentLoader(url) {
  if (Object.hasOwn(contexts, url)) {
    return {contextUrl: null, documentUrl: url, document: contexts[url]};
  }
  const [did] = url.split('#');
  if (did === didDocument.id) {
    if (url === did) {
      return {contextUrl: null, documentUrl: url, document: didDocument};
    }
    const method = didDocument.verificationMethod.find(m => m.id === url);
    if (method) {
      const document = {'@context': 'https://w3id.org/security/multikey/v1', ...method};
      return {contextUrl: null, documentUrl: url, document};
    }
  }
  throw new Error(`offline document loader: ${url} is not available`);
}

const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
const results = [];
for (const credential of credentials) {
  const result = await vc.verifyCredential({credential, suite, documentLoader});
  const error = result.error ? String(result.error.errors?.map(e => e.message) ?? result.error.message) : '';
  results.push({verified: result.verified, error});
}
process.stdout.write(JSON.stringify(results) + '\n');
