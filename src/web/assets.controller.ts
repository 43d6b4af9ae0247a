import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { Public } from '../auth/decorators';
import { APP_CSS } from './assets/app-css';
import { APP_JS } from './assets/app-js';

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

  @Get('app.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', CACHE)
  styles(): string {
    return APP_CSS;
  }
}
