import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Paragraph } from 'docx'
import { docxParts } from '../../test-support/docx-xml.ts'
import { headingParagraph, swedishDocx, textParagraphs } from './docx.ts'

describe('Swedish Word documents', () => {
  test('declare sv-SE in the default run properties and in the metadata, once', async () => {
    const data = await swedishDocx({ title: 'Protokoll & beslut', creator: 'Länsstyrelsen' }, [{ children: [new Paragraph('Text')] }])
    const parts = await docxParts(data)
    assert.match(parts.get('word/styles.xml')!, /<w:rPrDefault><w:rPr>.*<w:lang w:val="sv-SE"\/>.*<\/w:rPr><\/w:rPrDefault>/)
    const core = parts.get('docProps/core.xml')!
    assert.match(core, /<dc:language>sv-SE<\/dc:language>/)
    assert.match(core, /<dc:title>Protokoll &amp; beslut<\/dc:title>/)
    assert.match(core, /<dc:creator>Länsstyrelsen<\/dc:creator>/)
    assert.ok(![...parts.keys()].some((k) => k.endsWith('#2')), 'no part is written twice')
  })

  test('headings use the built-in heading styles with outline levels', async () => {
    const data = await swedishDocx({ title: 'T' }, [
      { children: [headingParagraph('Rubrik', 1), headingParagraph('Avsnitt', 2), headingParagraph('Under', 3)] },
    ])
    const parts = await docxParts(data)
    const styles = parts.get('word/styles.xml')!
    for (const level of [1, 2, 3]) {
      const style = styles.match(new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">.*?</w:style>`))?.[0] ?? ''
      assert.match(style, new RegExp(`<w:name w:val="heading ${level}"/>`))
      assert.match(style, new RegExp(`<w:outlineLvl w:val="${level - 1}"/>`))
    }
    const body = parts.get('word/document.xml')!
    assert.match(body, /<w:pStyle w:val="Heading1"\/>.*Rubrik.*<w:pStyle w:val="Heading2"\/>.*Avsnitt.*<w:pStyle w:val="Heading3"\/>.*Under/)
  })
})

describe('links in document text', () => {
  test('a web address becomes a hyperlink that still shows the address', async () => {
    const data = await swedishDocx({ title: 'T' }, [{ children: textParagraphs('Lagen finns på https://www.riksdagen.se/sv/lag. Läs den.\nNästa rad') }])
    const parts = await docxParts(data)
    const body = parts.get('word/document.xml')!
    assert.match(body, /<w:hyperlink [^>]*r:id="[^"]+"[^>]*>.*https:\/\/www\.riksdagen\.se\/sv\/lag<\/w:t>.*<\/w:hyperlink>/)
    assert.match(body, /<w:t xml:space="preserve">\. Läs den\.<\/w:t>/)
    assert.match(parts.get('word/_rels/document.xml.rels')!, /Target="https:\/\/www\.riksdagen\.se\/sv\/lag"/)
    assert.match(body, /<w:br\/><w:t xml:space="preserve">Nästa rad<\/w:t>/)
  })
})
