import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { Public } from '../auth/decorators';
import { APP_CSS } from './assets/app-css';
import { APP_JS } from './assets/app-js';
import { FAVICON_SVG } from './assets/favicon';

// htmx is served from the installed package, never a CDN: the pages must work on a closed network.
const HTMX = readFileSync(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8');
const CACHE = 'public, max-age=3600';

@ApiExcludeController()
@Public()
@Controller('app/assets')
export class AssetsController {
  @Get('htmx.min.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', CACHE)
  htmx(): string {
    return HTMX;
  }

  @Get('app.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', CACHE)
  script(): string {
    return APP_JS;
  }

  @Get('favicon.svg')
  @Header('content-type', 'image/svg+xml')
  @Header('cache-control', CACHE)
  favicon(): string {
    return FAVICON_SVG;
  }

  @Get('app.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', CACHE)
  styles(): string {
    return APP_CSS;
  }
}

/** Browsers ask for /favicon.ico on their own: the same icon. */
@ApiExcludeController()
@Public()
@Controller()
export class FaviconController {
  @Get('favicon.ico')
  @Header('content-type', 'image/svg+xml')
  @Header('cache-control', CACHE)
  favicon(): string {
    return FAVICON_SVG;
  }
}
