/** File name the bundled stylesheet is written under. */
export const STYLESHEET_FILE = 'feed.xsl';

/**
 * An XSLT 1.0 stylesheet that shows an RSS 2.0 or Atom 1.0 feed opened in a browser as a readable
 * page: the feed's title and description, a note on how to subscribe, and each item's title,
 * date and summary. Feeds reference it with `<?xml-stylesheet?>`; readers ignore it.
 */
export const FEED_STYLESHEET: string = `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="atom dc">
  <xsl:output method="html" version="5.0" encoding="utf-8" indent="yes"/>

  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="description" select="/rss/channel/description | /atom:feed/atom:subtitle"/>
  <xsl:variable name="site" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>
  <xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>
  <xsl:variable name="lang" select="/rss/channel/language | /atom:feed/@xml:lang"/>

  <xsl:template match="/">
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (web feed)</title>
        <style>
          :root { color-scheme: light dark; --accent: #b4441c; }
          body { font: 17px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
          .note { border: 1px solid color-mix(in srgb, var(--accent) 45%, transparent); background: color-mix(in srgb, var(--accent) 8%, transparent); border-radius: .6rem; padding: .9rem 1.1rem; margin: 1.5rem 0 2rem; }
          .note strong { color: var(--accent); }
          code { font-size: .9em; word-break: break-all; background: color-mix(in srgb, currentColor 8%, transparent); padding: .1rem .3rem; border-radius: .25rem; }
          h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
          header p { margin: .2rem 0; opacity: .8; }
          article { padding: 1.1rem 0; border-top: 1px solid color-mix(in srgb, currentColor 15%, transparent); }
          article h2 { font-size: 1.2rem; margin: 0 0 .25rem; line-height: 1.3; }
          article h2 a { color: inherit; text-decoration-color: var(--accent); }
          time, .by { font-size: .85rem; opacity: .7; }
          article p { margin: .4rem 0 0; }
          .tags span { display: inline-block; font-size: .75rem; margin: .15rem .3rem 0 0; padding: .05rem .5rem; border-radius: 1rem; background: color-mix(in srgb, var(--accent) 12%, transparent); }
        </style>
      </head>
      <body>
        <header>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="$description"/></p>
          <p><a href="{$site}">Visit the website →</a></p>
        </header>
        <div class="note">
          <strong>This is a web feed.</strong> Subscribe by copying its address into your feed reader
          (NetNewsWire, Feedly, Thunderbird, Miniflux, newsboat…):<br/>
          <code><xsl:value-of select="$self"/></code>
        </div>
        <main>
          <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <article>
      <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
      <time><xsl:value-of select="pubDate"/></time>
      <xsl:choose>
        <xsl:when test="dc:creator"><span class="by"> · <xsl:value-of select="dc:creator"/></span></xsl:when>
        <xsl:when test="contains(author, '(')"><span class="by"> · <xsl:value-of select="substring-before(substring-after(author, '('), ')')"/></span></xsl:when>
      </xsl:choose>
      <p><xsl:value-of select="description" disable-output-escaping="yes"/></p>
      <xsl:if test="category"><p class="tags"><xsl:for-each select="category"><span><xsl:value-of select="."/></span></xsl:for-each></p></xsl:if>
    </article>
  </xsl:template>

  <xsl:template match="atom:entry">
    <article>
      <h2><a href="{atom:link[not(@rel) or @rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
      <time><xsl:value-of select="substring(atom:published | atom:updated[not(../atom:published)], 1, 10)"/></time>
      <xsl:if test="atom:author"><span class="by"> · <xsl:value-of select="atom:author[1]/atom:name"/></span></xsl:if>
      <p><xsl:value-of select="atom:summary"/></p>
      <xsl:if test="atom:category"><p class="tags"><xsl:for-each select="atom:category"><span><xsl:value-of select="@term"/></span></xsl:for-each></p></xsl:if>
    </article>
  </xsl:template>
</xsl:stylesheet>
`;
